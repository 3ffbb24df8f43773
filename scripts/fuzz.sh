#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (ASan + UBSan) and runs each for SECONDS (default 60).
# Usage: scripts/fuzz.sh [SECONDS] [TARGET-REGEX]
# Crashes, leaks and timeouts land in tests/fuzz/findings/<target>/; keep each as a regression test.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
only=${2:-.}
scripts/install-deps.sh --fuzz
command -v clang++ >/dev/null || { echo "clang++ is needed: apt-get install clang libclang-rt-14-dev" >&2; exit 2; }
cmake -S . -B build/fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ \
      -DCALENS_FUZZ=ON -DCALENS_BUILD_TESTS=OFF >/dev/null
targets=$(cd build/fuzz && ninja -t targets all | sed -n 's/^\(fuzz_[a-z_]*\): .*/\1/p' | grep -v autogen | sort -u | grep -E "$only")
cmake --build build/fuzz --target $targets >/dev/null

seeds=build/fuzz/seeds
mkdir -p "$seeds/json" "$seeds/csv" "$seeds/text"
cp ../shared/fixtures/public/*.json tests/data/broken/*.json* tests/data/audits/*.json "$seeds/json/" 2>/dev/null || true
cp ../shared/fixtures/public/*.csv tests/data/broken/*.csv "$seeds/csv/" 2>/dev/null || true
[ -d tests/data/hostile ] && cp tests/data/hostile/* "$seeds/json/" 2>/dev/null || true
if [ -x build/release/app/calens ]; then
  for f in graph-json portal-json la-json diag-records powershell-json; do
    build/release/app/calens synth --seed 5 --sign-ins 3 --format $f -o "$seeds/json/synth-$f.json" 2>/dev/null || true
  done
  build/release/app/calens synth --seed 5 --sign-ins 3 --format la-csv -o "$seeds/csv/synth-la.csv" 2>/dev/null || true
  build/release/app/calens synth --seed 5 --sign-ins 3 --format diag-jsonl -o "$seeds/json/synth.jsonl" 2>/dev/null || true
fi
printf 'device.model -eq "Surface" -and (device.trustType -in ["AzureAD","ServerAD"] -or device.isCompliant -ne True)' > "$seeds/text/rule"
printf '2001:4898:80e8:7:d92a:7695:fda1:9d62/48' > "$seeds/text/cidr"
printf '{"error":"invalid_client","error_description":"AADSTS7000215: Invalid client secret","error_codes":[7000215]}' > "$seeds/text/token"
printf '9/19/2023, 1:45:17.287 PM' > "$seeds/text/date"
printf 'error:53003 policy:"Require compliant device" ip:10.0.0.0/8 -app:teams after:2026-10-01' > "$seeds/text/filter"
cp resources/diagnosis/flowchart.json "$seeds/text/" 2>/dev/null || true

status=0
for t in $targets; do
  case $t in
    fuzz_reader_*csv) corpus=$seeds/csv ;;
    fuzz_reader_*) corpus=$seeds/json ;;
    fuzz_graphpage) corpus=$seeds/json ;;
    *) corpus=$seeds/text ;;
  esac
  work=build/fuzz/corpus/$t
  findings=tests/fuzz/findings/$t
  mkdir -p "$work" "$findings"
  echo "== $t for ${seconds}s"
  # -max_total_time is wall time; the CPU time actually given to the target is measured and printed.
  rc=0
  TIMEFORMAT="%U %S"
  { time ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
       "build/fuzz/tests/fuzz/$t" "$work" "$corpus" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=3000 \
       -max_len=65536 -artifact_prefix="$findings/" -print_final_stats=1 2>"build/fuzz/$t.log" || rc=$?; } \
    2>"build/fuzz/$t.cpu"
  if [ "$rc" != 0 ]; then
    echo "   FINDING: see $findings and build/fuzz/$t.log"
    status=1
  fi
  grep -E "stat::number_of_executed_units|stat::peak_rss_mb" "build/fuzz/$t.log" | sed 's/^/   /' || true
  awk '{ printf "   cpu seconds: %.0f (user %.0f + sys %.0f)\n", $1 + $2, $1, $2 }' "build/fuzz/$t.cpu"
done
exit $status
