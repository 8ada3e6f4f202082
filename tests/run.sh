#!/bin/sh
# Runs every test against one build directory: unit tests, spec examples
# (in-process and through the binary) and the bad-input suite. Prints each
# runner's closing line, then "tests BUILD: N passed, N failed", and records
# the totals in BUILD/test-summary.txt for tests/summary.sh.
B=${1:-build}
log="$B/test-log.txt"
: > "$log"
status=0
# Lines that name a failure, in every runner's output format.
failpat='^(FAIL|ERROR|not ok|==[0-9]+==|.*runtime error)'

run() { # run a test program, keep its output, echo failures and closing lines
  "$@" > "$log.one" 2>&1
  rc=$?
  [ $rc -eq 0 ] || status=1
  # A program that died before its closing line counts as one failure.
  if [ $rc -ne 0 ] && ! grep -qE '[0-9]+ passed, [0-9]+ failed' "$log.one"; then
    echo "FAIL $*: exited with status $rc before reporting" >> "$log.one"
    echo "crashed: 0 passed, 1 failed" >> "$log.one"
  fi
  cat "$log.one" >> "$log"
  grep -E "$failpat" "$log.one" | head -n 40
  grep -E '[0-9]+ passed, [0-9]+ failed' "$log.one"
}

for t in "$B"/tests/test_*; do
  [ -x "$t" ] || continue
  run "$t"
done
specs=$(ls tests/spec/*.md 2>/dev/null | grep -v README)
if [ -n "$specs" ]; then
  run "$B/tests/spec_runner" $specs
  run "$B/tests/spec_runner" --cli "$B/rasd" $specs
fi
run sh tests/badinput.sh "$B/rasd"
run sh tests/seeds.sh "$B/rasd"
run sh tests/ui/run.sh "$B"
rm -f "$log.one"

totals=$(grep -E '[0-9]+ passed, [0-9]+ failed' "$log" | \
  sed -E 's/.* ([0-9]+) passed, ([0-9]+) failed.*/\1 \2/' | \
  awk '{p+=$1; f+=$2} END {printf "%d %d", p, f}')
set -- $totals
echo "$1 $2" > "$B/test-summary.txt"
# The failures again, last, where a log cut to its tail still shows them.
if [ "$2" -ne 0 ]; then
  echo "failures in $B:"
  grep -E "$failpat" "$log" | head -n 20
fi
echo "tests $B: $1 passed, $2 failed"
[ "$2" -eq 0 ] || status=1
exit $status
