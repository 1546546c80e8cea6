#!/usr/bin/env bash
# The whole test suite: installs what it needs, builds, runs every test.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
bash tools/setup.sh
echo "test: building (Release) ..." >&2
dotnet build Toolchain.sln -c Release -nologo -v q
echo "test: running the suite ..." >&2
results="$root/tests/TestResults"
rm -rf "$results"
set +e
dotnet test Toolchain.sln -c Release --no-build -nologo --logger "trx;LogFileName=tests.trx" --results-directory "$results" "$@"
rc=$?
set -e
trx="$(find "$results" -name '*.trx' | head -n 1)"
if [ -n "$trx" ]; then
  passed=$(grep -o 'passed="[0-9]*"' "$trx" | head -n 1 | tr -dc 0-9)
  failed=$(grep -o 'failed="[0-9]*"' "$trx" | head -n 1 | tr -dc 0-9)
  total=$(grep -o 'total="[0-9]*"' "$trx" | head -n 1 | tr -dc 0-9)
  executed=$(grep -o 'executed="[0-9]*"' "$trx" | head -n 1 | tr -dc 0-9)
  echo "tests: ${passed:-0} passed, ${failed:-0} failed, $(( ${total:-0} - ${executed:-0} )) skipped"
fi
exit $rc
