#!/usr/bin/env bash
# The second README command: install what is missing, build, run every test.
# Tests need no display and no GPU (headless rendering uses Mesa's llvmpipe).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh
ctest --test-dir build --output-on-failure --parallel "$(nproc)"
