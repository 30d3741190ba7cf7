#!/bin/sh
# screenshot.sh: start the server, let headless Chromium load the page with
# the sample article analysed (/?demo=1) and save a screenshot.
#
#   examples/serve/screenshot.sh [OUT.png]     (default docs/serve.png; run from the repo root)
#
# Needs /usr/bin/chromium (Debian: apt-get install chromium). Only loopback
# addresses are used.
set -eu
out=${1:-docs/serve.png}
port=${PORT:-18437}
mkdir -p "$(dirname "$out")"
tmp=$(mktemp -d)
go build -o "$tmp/serve" ./examples/serve
"$tmp/serve" -addr "127.0.0.1:$port" 2>"$tmp/serve.log" &
pid=$!
trap 'kill $pid 2>/dev/null; rm -rf "$tmp"' EXIT
i=0
until curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1; do
  i=$((i + 1))
  if [ $i -ge 100 ]; then echo "server did not start:" >&2; cat "$tmp/serve.log" >&2; exit 1; fi
  sleep 0.1
done
/usr/bin/chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync \
  --user-data-dir="$tmp/profile" --virtual-time-budget=5000 --hide-scrollbars \
  --window-size=1200,1600 --screenshot="$out" "http://127.0.0.1:$port/?demo=1" 2>"$tmp/chromium.log" ||
  { cat "$tmp/chromium.log" >&2; exit 1; }
echo "wrote $out"
