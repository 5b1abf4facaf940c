#!/usr/bin/env bash
# Assembles the servable web site in build/site/ from the page sources in web/ and the outputs of
# the two Emscripten builds (build/web-mt/web/: threaded, build/web-st/web/: single-threaded).
# Either build may be missing; at least one must exist. build/site/ is recreated from scratch so a
# removed build never lingers there.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
site="$repo/build/site"

# Output files of one build: <name>.js and <name>.wasm, plus <name>.worker.js for the threaded one.
copy_build() {
  local dir="$1" name="$2"
  shift 2
  local ext
  for ext in "$@"; do
    if [[ ! -f "$dir/$name$ext" ]]; then
      echo "assemble_site.sh: $dir/$name.js exists but $name$ext is missing (incomplete build?)" >&2
      exit 1
    fi
  done
  for ext in "$@"; do
    cp "$dir/$name$ext" "$site/"
  done
  # Preloaded files (--preload-file) come as <name>.data; embedded ones need nothing extra.
  if [[ -f "$dir/$name.data" ]]; then cp "$dir/$name.data" "$site/"; fi
  echo "  $name: $(du -k "$dir/$name.wasm" | cut -f1) KB wasm, from ${dir#"$repo"/}"
}

have_mt=0
have_st=0
[[ -f "$repo/build/web-mt/web/playground-mt.js" ]] && have_mt=1
[[ -f "$repo/build/web-st/web/playground-st.js" ]] && have_st=1
if (( !have_mt && !have_st )); then
  echo "assemble_site.sh: no web build found: neither build/web-mt/web/playground-mt.js nor" >&2
  echo "  build/web-st/web/playground-st.js exists. Build one first, e.g." >&2
  echo "  cmake --preset web-st && cmake --build --preset web-st" >&2
  exit 1
fi

rm -rf "$site"
mkdir -p "$site"
cp "$repo/web/index.html" "$repo/web/loader.js" "$repo/web/page.css" "$site/"
echo "Assembling $site"
if (( have_mt )); then
  copy_build "$repo/build/web-mt/web" playground-mt .js .wasm .worker.js
else
  echo "  playground-mt: not built (isolated pages will show an error unless opened with ?build=st)"
fi
if (( have_st )); then
  copy_build "$repo/build/web-st/web" playground-st .js .wasm
else
  echo "  playground-st: not built (pages without isolation headers will show an error)"
fi

# Built-in datasets (made by scripts/setup.sh): served next to the page, fetched only when picked.
if compgen -G "$repo/build/datasets/*.npz" >/dev/null; then
  mkdir -p "$site/assets/data"
  cp "$repo"/build/datasets/*.npz "$site/assets/data/"
  echo "  datasets: $(du -ck "$site"/assets/data/*.npz | tail -1 | cut -f1) KB in assets/data/"
else
  echo "  datasets: none in build/datasets (run scripts/setup.sh); the built-in sets will not load"
fi
