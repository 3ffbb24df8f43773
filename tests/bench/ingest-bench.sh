#!/usr/bin/env bash
# Usage: tests/bench/ingest-bench.sh [SIZE_MB]  — see ingest-bench.py.
set -euo pipefail
exec python3 "$(dirname "$0")/ingest-bench.py" --size-mb "${1:-1024}" "${@:2}"
