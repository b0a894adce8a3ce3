#!/usr/bin/env bash
# Scores muster's geoparser on the LGL and GeoVirus gold corpora with the
# project's shared scorer (../shared/bench/geoscore.py), and times the run.
#
#   tools/eval-geoparse.sh [lgl|geovirus|all] [--keep DIR]
#
# Needs the shared folder beside the repository (it holds the corpora and the
# scorer); the project's own tests never do.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
shared="${MUSTER_SHARED:-$root/../shared}"
which="${1:-all}"
keep=""
[ "${2:-}" = "--keep" ] && keep="${3:?--keep needs a folder}"
muster="$root/build/muster"
[ -x "$muster" ] || { echo "eval-geoparse: build muster first (scripts/build.sh)" >&2; exit 1; }
[ -d "$shared/corpora" ] || { echo "eval-geoparse: $shared/corpora not found (set MUSTER_SHARED)" >&2; exit 1; }
work="${keep:-$(mktemp -d)}"
mkdir -p "$work"

corpora=(lgl geovirus)
[ "$which" != all ] && corpora=("$which")
for name in "${corpora[@]}"; do
  python3 "$shared/bench/corpus2jsonl.py" "$shared/corpora/$name.xml" > "$work/$name.in.jsonl"
  start=$(date +%s.%N)
  "$muster" geoparse --jsonl < "$work/$name.in.jsonl" > "$work/$name.out.jsonl"
  end=$(date +%s.%N)
  printf '%s\t%.3f s\t' "$name" "$(echo "$end - $start" | bc -l)"
  python3 "$shared/bench/geoscore.py" "$shared/corpora/$name.xml" "$work/$name.out.jsonl"
done
[ -n "$keep" ] || rm -rf "$work"
