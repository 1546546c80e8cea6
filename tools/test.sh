#!/usr/bin/env bash
# The whole test suite: installs what it needs, builds, runs every test.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
bash tools/setup.sh
dotnet build Toolchain.sln -c Release -nologo -v q
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
  echo "tests: ${passed:-0} passed, ${failed:-0} failed"
fi
exit $rc
