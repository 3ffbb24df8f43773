#!/usr/bin/env bash
# First command of the README: install what is missing, build, and open CA Lens on the demo tenant.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cmake --preset release
cmake --build --preset release
exec build/release/app/calens --demo "$@"
