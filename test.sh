#!/usr/bin/env bash
# Runs every test project: unit, emulator (with OpenAPI contract tests), CLI-in-process and
# end-to-end tests of the published NativeAOT binary. Ends with one line "N passed, N failed".
# RPCTL_SKIP_AOT=1 skips building the native binary (the end-to-end tests then skip, visibly).
set -uo pipefail
cd "$(dirname "$0")"

if [ "${RPCTL_SKIP_AOT:-0}" != "1" ]; then
  ./build.sh || { echo "test.sh: the NativeAOT build failed" >&2; echo "0 passed, 1 failed"; exit 1; }
  export RPCTL_BINARY="$(pwd)/artifacts/rpctl"
fi

log=$(mktemp)
dotnet test Rpctl.slnx -nologo 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# dotnet test prints one summary per project: "Passed!  - Failed: 0, Passed: 37, Skipped: 1, ..."
read -r passed failed skipped < <(grep -E '(Passed|Failed)! +- Failed:' "$log" | awk -F'[:,]' '
  { f += $2; p += $4; s += $6 } END { printf "%d %d %d\n", p, f, s }')
projects=$(grep -cE '(Passed|Failed)! +- Failed:' "$log")
rm -f "$log"

if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1  # the build or a test host failed before any summary was printed
fi
if [ "$projects" -lt 4 ] && [ "$failed" -eq 0 ]; then
  echo "test.sh: expected 4 test projects to report, got $projects" >&2
  failed=1
fi
echo "${passed} passed, ${failed} failed, ${skipped} skipped"
[ "$failed" -eq 0 ] && [ "$status" -eq 0 ]
