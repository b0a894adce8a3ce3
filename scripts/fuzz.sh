#!/usr/bin/env bash
# Builds muster's libFuzzer targets (build-fuzz/, clang, ASan + UBSan) and
# runs each for a while, printing executions per second and corpus size.
#
#   scripts/fuzz.sh [TARGET|all] [SECONDS]     default: all, 120 seconds each
#
# Targets are the folders of tests/fuzz/ (extract, scenario, script, numeral,
# document_date, time, normalize, projection, args); each folder is the
# target's hand-written seed corpus. What the fuzzer adds goes to
# build-fuzz/corpus/TARGET/; inputs that crash go to build-fuzz/crashers/TARGET/
# (copy one into tests/fuzz/TARGET/crashers/ once fixed: the regular test
# suite replays it from then on). One process per target, one target at a
# time (libFuzzer's plain mode: no -jobs/-workers), as the machine is shared.
# MUSTER_FUZZ_JOBS sets the build's parallelism (default: 2).
set -euo pipefail
cd "$(dirname "$0")/.."
target="${1:-all}"
seconds="${2:-120}"

targets=()
for dir in tests/fuzz/*/; do targets+=("$(basename "$dir")"); done
if [ "$target" != all ]; then
  if [ ! -d "tests/fuzz/$target" ]; then
    echo "fuzz.sh: no target '$target' (targets: ${targets[*]})" >&2
    exit 2
  fi
  targets=("$target")
fi

compiler_c="$(command -v clang-14 || command -v clang || true)"
compiler_cxx="$(command -v clang++-14 || command -v clang++ || true)"
if [ -z "$compiler_cxx" ]; then
  echo "fuzz.sh: clang is needed for libFuzzer (apt-get install clang-14)" >&2
  exit 2
fi
generator=()
command -v ninja >/dev/null && generator=(-G Ninja)
if [ ! -f build-fuzz/CMakeCache.txt ]; then
  # -O1 with line tables: what sanitizer reports need, and a faster build.
  cmake -S . -B build-fuzz "${generator[@]}" -DMUSTER_FUZZ=ON -DCMAKE_BUILD_TYPE=Release \
    -DCMAKE_CXX_FLAGS_RELEASE="-O1 -gline-tables-only" -DCMAKE_C_FLAGS_RELEASE="-O1 -gline-tables-only" \
    -DCMAKE_C_COMPILER="$compiler_c" -DCMAKE_CXX_COMPILER="$compiler_cxx" >/dev/null
fi
cmake --build build-fuzz --parallel "${MUSTER_FUZZ_JOBS:-2}" --target "${targets[@]/#/fuzz_}"

# The gazetteer index the extract and script targets load: the ordinary
# build's (scripts/build.sh derives it).
if [ -z "${MUSTER_DERIVED_DIR:-}" ]; then
  if [ ! -f build/derived/stamp ]; then
    echo "fuzz.sh: no build/derived/ (the gazetteer index the fuzzers load): run scripts/build.sh first" >&2
    exit 2
  fi
  export MUSTER_DERIVED_DIR="$PWD/build/derived"
fi

status=0
for name in "${targets[@]}"; do
  corpus="build-fuzz/corpus/$name"
  crashers="build-fuzz/crashers/$name"
  mkdir -p "$corpus" "$crashers"
  log="build-fuzz/fuzz-$name.log"
  echo "== $name: ${seconds}s"
  # -timeout: an input slower than this is a finding (a hang);
  # -rss_limit_mb: so is a memory bomb that gets past muster's limits.
  if ! "build-fuzz/fuzz/fuzz_$name" "$corpus" "tests/fuzz/$name" -max_total_time="$seconds" \
      -timeout=20 -rss_limit_mb=2048 -print_final_stats=1 \
      -artifact_prefix="$crashers/" >"$log" 2>&1; then
    status=1
    echo "$name: FOUND A PROBLEM; see $log and $crashers/"
    grep -m3 -E "ERROR:|runtime error|broken invariant|deadly signal|Timeout|out-of-memory" "$log" || true
  fi
  execs=$(grep -m1 -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo "?")
  rate=$(grep -m1 -o 'stat::average_exec_per_sec: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo "?")
  files=$(find "$corpus" -type f | wc -l)
  bytes=$(du -sb "$corpus" | cut -f1)
  cover=$(grep -o 'cov: [0-9]* ft: [0-9]*' "$log" | tail -1 || true)
  echo "$name: $rate exec/s, $execs runs, corpus $files files ($bytes bytes) beside $(find "tests/fuzz/$name" -type f | wc -l) seeds, $cover"
done
exit $status
