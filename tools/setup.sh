#!/usr/bin/env bash
# Installs everything the test suite needs on a fresh machine of this kind.
# Idempotent: re-running is cheap once things are in place.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"

need_apt=()
[ -d /usr/share/onnx/testdata ] || [ -d /usr/share/libonnx-testdata ] || dpkg -s libonnx-testdata >/dev/null 2>&1 || need_apt+=(libonnx-testdata)
# headless Chromium: the HTML report test opens the page and checks the plots rendered
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "setup: installing ${need_apt[*]} (Debian)"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

# Node tools (the antlr-ng code generator), pinned in tools/package-lock.json. ONNX Runtime, the reference of the
# whole-model tests and `pimcc check`, is a NuGet package (runtime-sim/Pimcc.OnnxRuntime): dotnet restore brings it.
if [ -f "$root/tools/package.json" ]; then
  if [ ! -d "$root/tools/node_modules" ] || [ "$root/tools/package-lock.json" -nt "$root/tools/node_modules/.package-lock.json" ]; then
    echo "setup: npm ci in tools/"
    (cd "$root/tools" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)
  fi
fi
