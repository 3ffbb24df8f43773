#!/usr/bin/env bash
# Installs the Debian 12 packages CA Lens needs to build and test, skipping those already there.
set -euo pipefail
packages=(cmake ninja-build g++ pkg-config qt6-base-dev qt6-charts-dev libgl-dev nlohmann-json3-dev libsimdjson-dev
          zlib1g-dev jq python3 xvfb xauth)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
echo "Installing: ${missing[*]}"
as_root=()
if [ "$(id -u)" -ne 0 ]; then
  as_root=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update -qq
"${as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
