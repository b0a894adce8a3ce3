#!/usr/bin/env bash
# The first README command: install what is missing, build, and run muster's
# main job on the bundled sample briefing — the map window where there is a
# display, otherwise a rendered PNG whose path is printed.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh
sample=assets/sample-briefing.txt
if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  exec build/muster view "$sample"
fi
echo "run-sample: no display; rendering the sample headless instead"
build/muster render "$sample" -o build/sample.png --size 1920x1080
