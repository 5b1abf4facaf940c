#!/usr/bin/env bash
# The README's second command: set up (if needed), build everything and run every test —
# native unit/gradient/convergence/UI tests, the core tests under node (both web builds), the
# browser end-to-end tests in headless Chromium, and the desktop app under Xvfb.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
export NODE_PATH="${NODE_PATH:-/usr/share/nodejs}"
mkdir -p build/test-artifacts

step() { printf '\n==== %s ====\n' "$*"; }

step "set-up"
scripts/setup.sh

step "native build and tests (core, UI headless, layering)"
scripts/build.sh native
ctest --test-dir build/native --output-on-failure -j2

step "web builds; core tests under node"
scripts/build.sh web-st web-mt
ctest --test-dir build/web-st --output-on-failure
ctest --test-dir build/web-mt --output-on-failure

step "browser end-to-end (headless Chromium, both builds)"
scripts/assemble_site.sh
node tests/web/e2e.mjs

step "desktop app under Xvfb"
tests/native/run_xvfb.sh

printf '\nall tests passed\n'
