#!/bin/sh
# Builds and runs the fetch benchmark (not part of ctest): sliced parallel fetch vs one sequential query
# against the Graph emulator with 100 ms added per page. Extra arguments go to fetch-bench.
set -e
cd "$(dirname "$0")/../.."
cmake --build build/release --target fetch-bench >/dev/null
exec build/release/tests/graph-emulator/fetch-bench "$@"
