#!/usr/bin/env bash
# Static analysis of core/, ui/ and app/: clang-format (also tests/), clang-tidy (checks in .clang-tidy, compile commands from
# build/release) and cppcheck (warning, performance, portability; suppressions in .cppcheck-suppressions).
# Exits non-zero on any finding. Usage: scripts/lint.sh [-j N] [FILE...]   (default: every .cpp there)
# Configure first: cmake --preset release or ci (the moc/uic headers must exist: build once).
set -uo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc)
if [ "${1:-}" = "-j" ]; then jobs=$2; shift 2; fi
# Compile commands from the release build, or from CI's (the same sources, with -Werror, neutralised below).
build=${LINT_BUILD:-build/release}
[ -f "$build/compile_commands.json" ] || [ ! -f build/ci/compile_commands.json ] || build=build/ci
if [ ! -f "$build/compile_commands.json" ]; then
  echo "lint: $build/compile_commands.json is missing: run cmake --preset release && cmake --build $build" >&2
  exit 2
fi
for tool in clang-tidy cppcheck; do
  command -v "$tool" >/dev/null || { echo "lint: $tool is not installed (scripts/install-deps.sh)" >&2; exit 2; }
done
if [ $# -gt 0 ]; then files=("$@"); else mapfile -t files < <(find core ui app -name '*.cpp' | sort); fi
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

start=$SECONDS
printf '%s\n' "${files[@]}" | xargs -P "$jobs" -n 4 clang-tidy -p "$build" --quiet --extra-arg=-Wno-error >"$out/tidy.log" 2>"$out/tidy.err"
tidy=$(grep -E '^[^ ]+:[0-9]+:[0-9]+: (warning|error):' "$out/tidy.log" | sort -u)
if grep -q "error:" "$out/tidy.err"; then tidy+=$'\n'$(grep "error:" "$out/tidy.err"); fi
echo "clang-tidy: ${#files[@]} files in $((SECONDS - start)) s"

start=$SECONDS
# The project's own include paths; Qt and system headers are not analysed (missingIncludeSystem is off).
cppcheck --quiet --std=c++20 --language=c++ --enable=warning,performance,portability \
  --inline-suppr --suppressions-list=.cppcheck-suppressions --error-exitcode=0 \
  -j "$jobs" -I core -I ui -I app -D__cplusplus=202002L -DQT_VERSION=0x060402 \
  --template='{file}:{line}:{column}: {severity}: {message} [{id}]' \
  "${files[@]}" 2>"$out/cppcheck.log"
cpp=$(grep -E '^[^ ]+:[0-9]+:[0-9]+: ' "$out/cppcheck.log" | sort -u)
echo "cppcheck: ${#files[@]} files in $((SECONDS - start)) s"

# Formatting: the project's .clang-format on every C++ file (the analysed ones and the tests), changing nothing.
if [ $# -gt 0 ]; then formatted=("$@"); else mapfile -t formatted < <(git ls-files 'core/*.cpp' 'core/*.h' 'ui/*.cpp' 'ui/*.h' 'app/*.cpp' 'app/*.h' 'tests/*.cpp' 'tests/*.h'); fi
format=$(clang-format --dry-run --Werror "${formatted[@]}" 2>&1 | grep -E '^[^ ]+:[0-9]+:[0-9]+: (warning|error):' | sed 's/$/ [clang-format: run clang-format -i]/')
echo "clang-format: ${#formatted[@]} files"

status=0
if [ -n "${format//[$'\n ']/}" ]; then echo "$format"; status=1; fi
if [ -n "${tidy//[$'\n ']/}" ]; then echo "$tidy"; status=1; fi
if [ -n "${cpp//[$'\n ']/}" ]; then echo "$cpp"; status=1; fi
[ $status -eq 0 ] && echo "lint: no findings"
exit $status
