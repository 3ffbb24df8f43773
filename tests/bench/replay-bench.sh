#!/bin/sh
# Replay benchmark end to end (run by hand): writes a graph-json export of N sign-ins (default 1,000,000; about
# 14 GB) with `calens synth`, then times `calens whatif --replay` on it (loading included) and bench_replay (the
# replay alone, with its reference pass). Needs a release build in build/release (or BUILD=build/ci).
set -eu
N=${1:-1000000}
BUILD=${BUILD:-build/release}
OUT=${TMPDIR:-/tmp}/calens-replay-$N.json
trap 'rm -f "$OUT"' EXIT
"$BUILD/app/calens" synth --seed 1 --sign-ins "$N" -o "$OUT"
ls -l "$OUT"
start=$(date +%s.%N)
"$BUILD/app/calens" whatif --replay "$OUT" --examples 0 | head -3
end=$(date +%s.%N)
echo "calens whatif --replay (load + replay): $(echo "$end - $start" | bc) s"
"$BUILD/tests/bench_replay" "$OUT"
