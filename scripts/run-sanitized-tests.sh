#!/usr/bin/env bash
# Builds muster with AddressSanitizer (with LeakSanitizer) and
# UndefinedBehaviorSanitizer into build-asan/ (-DMUSTER_SANITIZE=ON) and runs
# the whole test suite under them, then checks that a headless render of the
# sample briefing leaks nothing. Any finding fails: ASan and UBSan stop the
# process at the first error, LeakSanitizer makes it exit non-zero.
# Suppressions (tests/sanitizers/) cover only Debian's libraries, never
# muster's code; each entry says why. Extra arguments go to ctest (-R NAME).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

# The build itself runs the sanitized muster (`muster derive`), so the
# options hold for it too.
# intercept_tls_get_addr=0: GCC 12's runtime (as every GCC up to 13 and LLVM
# up to 16) takes a dynamic TLS block that happens to start 16 bytes past a
# page boundary for a pre-2.25 glibc block with a header, reads the two words
# before it as an address and a size, and LeakSanitizer's exit-time tracer
# then dies on them ("Tracer caught signal 11 ... LeakSanitizer has
# encountered a fatal error") after a run that leaked nothing. GDAL's and
# PROJ's thread_local blocks land there by the luck of malloc, so it struck
# a different GDAL test from run to run. Without the interceptor the tracer
# still scans each thread's static TLS and stack, and glibc's dynamic TLS
# blocks are ordinary heap blocks reachable from the thread's DTV.
export ASAN_OPTIONS="detect_leaks=1:intercept_tls_get_addr=0:halt_on_error=1:abort_on_error=0:check_initialization_order=1:strict_init_order=1:detect_stack_use_after_return=1:print_summary=1"
export LSAN_OPTIONS="suppressions=$root/tests/sanitizers/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS="suppressions=$root/tests/sanitizers/ubsan.supp:print_stacktrace=1:halt_on_error=1"

generator=()
command -v ninja >/dev/null && generator=(-G Ninja)
if [ ! -f build-asan/CMakeCache.txt ]; then
  # -O1 with line tables only: what sanitizer reports need (file:line in
  # every frame), and a much quicker build than -O2 -g, which keeps CI well
  # inside its 30 minutes. NDEBUG as in the ordinary build.
  cmake -S . -B build-asan "${generator[@]}" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DMUSTER_SANITIZE=ON \
    -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g1 -DNDEBUG" -DCMAKE_C_FLAGS_RELWITHDEBINFO="-O1 -g1 -DNDEBUG"
fi
cmake --build build-asan --parallel "$(nproc)"

ctest --test-dir build-asan --output-on-failure --parallel "$(nproc)" "$@"

# The leak check of the headless render path, on its own so that a leak
# names this step: exit status 23 is LeakSanitizer's.
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
echo "leak check: muster render assets/sample-briefing.txt"
build-asan/muster render assets/sample-briefing.txt -o "$scratch/sample.png" --size 800x500 >/dev/null
echo "leak check: clean"
