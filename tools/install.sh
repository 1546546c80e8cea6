#!/usr/bin/env bash
# Installs `pimcc` as a .NET tool built from this checkout (packed here, installed from the local package):
# after it, `pimcc` runs from ~/.dotnet/tools. Re-running reinstalls the current sources.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="$root/artifacts/nupkg"
version="$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' "$root/compiler/Pimcc.Driver/Pimcc.Driver.csproj")"
echo "install: building and packing pimcc $version (Release; a first build takes a few minutes) ..." >&2
rm -rf "$out"
. "$root/tools/readytorun.sh"
# shellcheck disable=SC2046
dotnet pack "$root/compiler/Pimcc.Driver/Pimcc.Driver.csproj" -c Release $(readytorun_flags) -o "$out" -nologo -v minimal -clp:NoSummary 2>&1 \
  | grep -E "error|warn| -> " >&2 || true
[ -f "$out/pimcc.$version.nupkg" ] || { echo "install: packing failed (see the errors above)" >&2; exit 1; }
# The local package has the same version on every run: drop NuGet's cached copy so the new build is installed.
rm -rf "${NUGET_PACKAGES:-$HOME/.nuget/packages}/pimcc/$version"
dotnet tool uninstall --global pimcc >/dev/null 2>&1 || true
dotnet tool install --global pimcc --version "$version" --add-source "$out" >&2
tools="$HOME/.dotnet/tools"
case ":$PATH:" in
  *":$tools:"*) echo "install: pimcc $version is on your PATH ($tools/pimcc)" >&2 ;;
  *) echo "install: pimcc $version installed as $tools/pimcc; add $tools to PATH (export PATH=\"\$PATH:$tools\")" >&2 ;;
esac
