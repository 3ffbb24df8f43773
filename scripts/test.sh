#!/usr/bin/env bash
# Second command of the README (and what CI runs): install what is missing, build with -Werror, run every test.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cmake --preset ci
cmake --build --preset ci
ctest --preset ci
