#!/usr/bin/env bash
# The README's first command: set up (if needed), build, and open the playground.
#   scripts/play.sh            build both web builds and serve them on http://127.0.0.1:8080/
#   scripts/play.sh --port N   serve on another port
#   scripts/play.sh --native   build and launch the desktop app instead
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
port=8080
native=0
while [ $# -gt 0 ]; do
  case "$1" in
    --native) native=1 ;;
    --port) port="$2"; shift ;;
    *) echo "usage: scripts/play.sh [--native] [--port N]" >&2; exit 2 ;;
  esac
  shift
done
"$root/scripts/setup.sh"
if [ "$native" -eq 1 ]; then
  "$root/scripts/build.sh" native
  exec "$root/build/native/native/ml_playground"
fi
"$root/scripts/build.sh" web-mt web-st
"$root/scripts/assemble_site.sh"
exec python3 "$root/scripts/serve.py" --root "$root/build/site" --port "$port"
