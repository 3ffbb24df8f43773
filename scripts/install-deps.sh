#!/usr/bin/env bash
# Installs the Debian 12 packages CA Lens needs to build and test, skipping those already there.
set -euo pipefail
packages=(cmake ninja-build g++ pkg-config clang-tidy cppcheck qt6-base-dev qt6-charts-dev qt6-httpserver-dev qt6-websockets-dev qt6-pdf-dev
          qt6-svg-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qtkeychain-qt6-dev libgl-dev nlohmann-json3-dev
          libsimdjson-dev zlib1g-dev jq python3 xvfb xauth dbus dbus-x11 gnome-keyring libsecret-tools poppler-utils
          desktop-file-utils appstream dpkg-dev fakeroot file fonts-dejavu-core)
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
