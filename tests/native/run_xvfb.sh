#!/usr/bin/env bash
# The desktop app under a real X server (Xvfb, Mesa llvmpipe): it opens, trains, and renders a
# non-blank window. Keeps a screenshot in build/test-artifacts/native.png.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
app="$root/build/native/native/ml_playground"
out="$root/build/test-artifacts"
mkdir -p "$out"
[ -x "$app" ] || { echo "native test: $app is not built (run scripts/build.sh native)" >&2; exit 1; }

status_file="$out/native-status.json"
xvfb-run -a -s '-screen 0 1280x800x24' bash -c "
  '$app' --play --quit-after 12 --settings 'dataset=spiral&features=x1,x2,x1sq,x2sq,x1x2,sinx1,sinx2&layers=8,8,6&optimizer=adam&lr=0.01' > '$status_file' &
  pid=\$!
  sleep 9
  import -window root '$out/native.png'
  wait \$pid
"
echo "native test: final status $(cat "$status_file")"
python3 - "$status_file" "$out/native.png" <<'PY'
import json, subprocess, sys
status = json.loads(open(sys.argv[1]).read().strip().splitlines()[-2])
assert status["flavour"] == "native", status
assert status["epoch"] > 0, "the desktop app did not train: %r" % status
assert status["trainLoss"] is not None
# A blank or single-colour screenshot means nothing was rendered.
deviation = float(subprocess.check_output(["convert", sys.argv[2], "-colorspace", "Gray", "-format", "%[fx:standard_deviation]", "info:"]))
assert deviation > 0.05, "the screenshot looks blank (grey deviation %.3f)" % deviation
print("native test: trained %d epochs, screenshot grey deviation %.3f — ok" % (status["epoch"], deviation))
PY

# The Data tab: the 8×8 digits read from build/datasets, shown in the image gallery.
data_file="$out/native-data-status.json"
xvfb-run -a -s '-screen 0 1280x800x24' bash -c "
  '$app' --command tab:data --command data:digits --command view:images --quit-after 7 > '$data_file' &
  pid=\$!
  sleep 4
  import -window root '$out/native-data.png'
  wait \$pid
"
python3 - "$data_file" "$out/native-data.png" <<'PY'
import json, subprocess, sys
data = json.loads(open(sys.argv[1]).read().strip().splitlines()[-1])
assert data["source"] == "digits" and data["rows"] == 1797 and data["rawColumns"] == 64, data
deviation = float(subprocess.check_output(["convert", sys.argv[2], "-colorspace", "Gray", "-format", "%[fx:standard_deviation]", "info:"]))
assert deviation > 0.05, "the Data tab screenshot looks blank (grey deviation %.3f)" % deviation
print("native test: Data tab shows the digits (%d rows), grey deviation %.3f — ok" % (data["rows"], deviation))
PY
