#!/usr/bin/env bash
# Regenerates docs/sample-report.pdf: the incident report of the built-in demo tenant (synth seed 1),
# every Conditional Access block grouped into incidents, A4. Usage: docs/make-sample-report.sh [CALENS]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
calens=${1:-${CALENS:-$here/../build/release/app/calens}}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$calens" synth --seed 1 --format graph-json -o "$work/demo.json" >/dev/null
"$calens" report "$work/demo.json" -o "$here/sample-report.pdf" --page-size a4 \
  --title "Demo tenant: Conditional Access blocks"
