#!/bin/sh
# Adds up the totals that tests/run.sh and fuzz/smoke.sh recorded per build
# directory and prints the suite's closing line.
p=0; f=0
for b in "$@"; do
  [ -f "$b/test-summary.txt" ] || { echo "summary: no results in $b"; f=$((f+1)); continue; }
  read bp bf < "$b/test-summary.txt"
  p=$((p+bp)); f=$((f+bf))
done
echo "all: $p passed, $f failed"
[ "$f" -eq 0 ]
