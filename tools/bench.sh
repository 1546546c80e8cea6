#!/usr/bin/env bash
# Runs pimcc-bench (tests/Pimcc.Bench) on the pimcc users install: built as tools/install.sh builds it (ReadyToRun on
# linux-x64) into artifacts/bench-pimcc, then measured there. Arguments go to pimcc-bench, e.g.
#   bash tools/bench.sh compile opt-30b
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="$root/artifacts/bench-pimcc"
. "$root/tools/readytorun.sh"
echo "bench: building pimcc as install.sh does ..." >&2
# shellcheck disable=SC2046
dotnet publish "$root/compiler/Pimcc.Driver/Pimcc.Driver.csproj" -c Release $(readytorun_flags) -o "$out" -nologo -v quiet -clp:NoSummary >&2
dotnet build "$root/tests/Pimcc.Bench/Pimcc.Bench.csproj" -c Release -nologo -v quiet -clp:NoSummary >&2
PIMCC_BENCH_PIMCC="$out/pimcc.dll" exec dotnet "$root/tests/Pimcc.Bench/bin/Release/net10.0/pimcc-bench.dll" "$@"
