#!/usr/bin/env bash
# Installs the Debian 12 (bookworm) packages CA Lens needs to build, test, lint and package, skipping those
# already there; through sudo when not run as root. Prints nothing when nothing is missing.
# Usage: scripts/install-deps.sh [--fuzz]   (--fuzz adds clang and its fuzzer runtime for scripts/fuzz.sh)
# scripts/check-clean-install.sh proves this list in a fresh Debian 12 root: a package added to the build or
# the tests belongs here, with the reason, or CI fails.
set -euo pipefail

packages=(
  # Build: compiler, generator, and every find_package() of CMakeLists.txt.
  cmake ninja-build g++ pkg-config
  qt6-base-dev qt6-charts-dev qt6-httpserver-dev qt6-websockets-dev qt6-pdf-dev qt6-svg-dev
  qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qtkeychain-qt6-dev
  nlohmann-json3-dev libsimdjson-dev zlib1g-dev
  # Qt6Charts' CMake config requires Qt6OpenGL, and Qt6Gui looks for OpenGL and XKB; qt6-charts-dev and
  # qt6-base-dev do not depend on these packages, so a machine without them cannot configure.
  libqt6opengl6-dev libgl-dev libxkbcommon-dev
  # Static analysis and formatting (scripts/lint.sh).
  clang-tidy clang-format cppcheck
  # Tests: the CLI tests read JSON with jq, the report tests read PDFs with pdftotext, the keychain test runs
  # a Secret Service in its own D-Bus session, the GUI runs under Xvfb; the fonts the report is set in.
  jq python3 file poppler-utils xvfb xauth dbus dbus-x11 gnome-keyring libsecret-tools
  # The KQL quoting test asks Microsoft's Kusto analyzer (npm, below) to lex the queries CA Lens writes.
  nodejs
  fonts-dejavu-core fonts-dejavu-extra
  # Packaging: the .deb (dpkg-shlibdeps), desktop entry and AppStream checks.
  dpkg-dev fakeroot desktop-file-utils appstream
)
for arg in "$@"; do
  case $arg in
    --fuzz) packages+=(clang libclang-rt-14-dev) ;;
    *) echo "usage: $0 [--fuzz]" >&2; exit 2 ;;
  esac
done

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# Debian ships npm apart from nodejs; other builds of nodejs bring their own npm (and conflict with Debian's).
command -v npm >/dev/null || missing+=(npm)
if [ ${#missing[@]} -ne 0 ]; then
  echo "Installing: ${missing[*]}"
  as_root=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "install-deps: not root and sudo is missing; install as root: ${missing[*]}" >&2; exit 2; }
    as_root=(sudo)
  fi
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# Microsoft's Kusto analyzer for tests/core/tst_quoting (pinned; into build/npm, beside the build folders).
# Without it (no network to the npm registry) that one test case is skipped and says so.
kusto=$(cd "$(dirname "$0")/.." && pwd)/build/npm
if [ ! -f "$kusto/node_modules/@kusto/language-service-next/package.json" ]; then
  mkdir -p "$kusto"
  npm install --prefix "$kusto" --no-audit --no-fund --no-save --silent @kusto/language-service-next@12.4.1 >/dev/null \
    || echo "install-deps: npm could not install @kusto/language-service-next; the KQL analyzer test will be skipped" >&2
fi
