#!/usr/bin/env bash
# Configures and builds one or more of the CMake presets: native, web-mt, web-st.
#   scripts/build.sh native web-mt web-st
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
export NODE_PATH="${NODE_PATH:-/usr/share/nodejs}"  # Debian's emcc needs it to find acorn
for preset in "$@"; do
  echo "build: $preset"
  if [ ! -f "build/$preset/CMakeCache.txt" ]; then
    cmake --preset "$preset" >"build-$preset.configure.log" 2>&1 || { cat "build-$preset.configure.log"; exit 1; }
    rm -f "build-$preset.configure.log"
  fi
  cmake --build --preset "$preset"
done
