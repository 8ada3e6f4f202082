#!/bin/sh
# The main job on the embedded default: the bundled examples, plus the seed
# reports in ../shared/seeds when that folder exists. Shows how rasd reads
# each document, then codes events into build/events.jsonl.
# Usage: tools/run-main.sh path/to/rasd [path/to/shared]
R=${1:-build/rasd}
S=${2:-../shared}
set -- examples/*.txt examples/*.jsonl examples/*.html
[ -d "$S/seeds" ] && set -- "$@" "$S"/seeds/*.txt
out=$(dirname "$R")
echo "== documents ($# inputs)"
"$R" doc --summary "$@"
echo
echo "== events"
"$R" code --stats "$@" > "$out/events.jsonl"
rc=$?
echo "events written to $out/events.jsonl ($(wc -l < "$out/events.jsonl") lines)"
exit $rc
