#!/usr/bin/env bash
# Installs the Debian 12 packages muster needs to build, run and test, and
# only those that are missing (so it is quick when everything is there).
# Runs apt-get as root, or through sudo when started by another user.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config
  libgdal-dev gdal-bin libproj-dev libgeographiclib-dev libicu-dev
  libsdl2-dev libimgui-dev libepoxy-dev libglu1-mesa-dev libfreetype-dev
  nlohmann-json3-dev liblua5.4-dev doctest-dev libjpeg-dev zlib1g-dev
  libegl-mesa0 libgl1-mesa-dri libegl1 fonts-dejavu-core
  xvfb xauth
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} Debian packages present"
  exit 0
fi

as_root=()
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "install-deps: need root or sudo to install: ${missing[*]}" >&2; exit 1; }
  as_root=(sudo)
fi
echo "install-deps: installing ${missing[*]}"
"${as_root[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
