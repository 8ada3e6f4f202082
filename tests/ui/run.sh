#!/bin/sh
# Browser tests of the web UI against a real server: builds an event store
# from examples/* (and ../shared/seeds/* when present), starts `rasd serve`
# on a free loopback port, drives the UI in headless Chromium (Debian's
# /usr/bin/chromium through playwright-core from web/node_modules) and stops
# the server. Screenshots go to BUILD/ui/*.png.
# Usage: sh tests/ui/run.sh [BUILD]   Closing line: "ui: N passed, N failed".
B=${1:-build}
SHARED=${SHARED:-../shared}
out="$B/ui"

fail() {
  echo "FAIL ui: $*"
  echo "ui: 0 passed, 1 failed"
  exit 1
}

[ -x "$B/rasd" ] || fail "no $B/rasd (build it first)"
command -v node >/dev/null 2>&1 || fail "node not found (tools/setup.sh installs it)"
[ -x "${CHROMIUM:-/usr/bin/chromium}" ] || fail "no ${CHROMIUM:-/usr/bin/chromium} (tools/setup.sh installs chromium)"
[ -f web/node_modules/playwright-core/package.json ] || fail "no web/node_modules/playwright-core (tools/setup.sh runs npm install in web/)"
[ -f web/node_modules/chart.js/dist/chart.umd.min.js ] || fail "no web/node_modules/chart.js (tools/setup.sh)"
[ -f web/node_modules/cytoscape/dist/cytoscape.min.js ] || fail "no web/node_modules/cytoscape (tools/setup.sh)"

mkdir -p "$out"
rm -f "$out"/*.png "$out"/ui.db "$out"/ui.db-wal "$out"/ui.db-shm
db="$out/ui.db"

# Real documents: the bundled examples, plus the shared seeds when present.
set -- examples/*
if [ -d "$SHARED/seeds" ]; then
  for f in "$SHARED"/seeds/*; do [ -f "$f" ] && set -- "$@" "$f"; done
fi
"$B/rasd" ingest --db "$db" "$@" > "$out/ingest.log" 2>&1
rc=$?
# 1 = some document rejected (reported, the rest stored); more is fatal.
[ $rc -le 1 ] || { cat "$out/ingest.log"; fail "rasd ingest exited with $rc"; }

# The server is bounded in time too, so it can never outlive the run.
: > "$out/serve.out"
timeout 900 "$B/rasd" serve --db "$db" --port 0 --quiet > "$out/serve.out" 2> "$out/serve.err" &
pid=$!
url=""
i=0
while [ $i -lt 100 ]; do
  url=$(head -n 1 "$out/serve.out" 2>/dev/null)
  [ -n "$url" ] && break
  kill -0 $pid 2>/dev/null || break
  sleep 0.1
  i=$((i + 1))
done
if [ -z "$url" ]; then
  kill $pid 2>/dev/null
  cat "$out/serve.err"
  fail "rasd serve did not start"
fi
case "$url" in
  http://127.0.0.1:*) ;;
  *) kill $pid; fail "server not on loopback: $url" ;;
esac

timeout 600 node tests/ui/ui.test.mjs "$url" "$out" > "$out/ui.log" 2>&1
rc=$?
kill $pid 2>/dev/null
wait $pid 2>/dev/null
cat "$out/ui.log"
if ! grep -qE '^ui: [0-9]+ passed, [0-9]+ failed' "$out/ui.log"; then
  echo "FAIL ui: the browser test stopped before its closing line (status $rc)"
  echo "ui: 0 passed, 1 failed"
  exit 1
fi
exit $rc
