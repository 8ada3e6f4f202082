#!/bin/sh
# The main job on the embedded default: code and store the bundled examples
# (plus the seed reports in ../shared/seeds when that folder exists) in the
# SQLite store rasd.db, print a short summary, and serve the analyst UI.
# Usage: tools/run-main.sh path/to/rasd [path/to/shared] [port]
R=${1:-build/rasd}
S=${2:-../shared}
PORT=${3:-${RASD_PORT:-8080}}
DB=${RASD_DB:-rasd.db}
set -- examples/*.txt examples/*.jsonl examples/*.html
[ -d "$S/seeds" ] && set -- "$@" "$S"/seeds/*.txt
echo "== ingest ($# inputs) into $DB"
"$R" ingest --db "$DB" "$@" || echo "(some inputs were rejected; see above)"
echo
echo "== store"
"$R" query --db "$DB" --stats
echo
echo "== most active actors"
"$R" query --db "$DB" --top-actors --top 8
top=$("$R" query --db "$DB" --top-actors --top 1 --format jsonl 2>/dev/null | sed -n 's/.*"code":"\([A-Z]*\)".*/\1/p' | head -n 1)
if [ -n "$top" ]; then
  echo
  echo "== top partners of $top"
  "$R" query --db "$DB" --top-partners "$top" --top 5
fi
echo
echo "== serving the analyst UI (Ctrl-C to stop)"
exec "$R" serve --db "$DB" --port "$PORT"
