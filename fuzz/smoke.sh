#!/bin/sh
# Runs each libFuzzer target briefly (default 10 s) on a corpus seeded from
# fuzz/seeds/<target>/ and examples/; a crash, leak, hang or sanitizer report
# fails the target. Usage: fuzz/smoke.sh build-fuzz/fuzz [seconds]
D=${1:-build-fuzz/fuzz}
S=${2:-10}
out=$(dirname "$D")
pass=0; fail=0
for f in "$D"/fuzz_*; do
  [ -x "$f" ] || continue
  n=$(basename "$f")
  corpus="$out/corpus/$n"
  mkdir -p "$corpus"
  [ -d "fuzz/seeds/$n" ] && cp fuzz/seeds/"$n"/* "$corpus"/ 2>/dev/null
  cp examples/*.txt "$corpus"/ 2>/dev/null
  if "$f" -max_total_time="$S" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
       -print_final_stats=0 -artifact_prefix="$out/$n-" "$corpus" > "$out/$n.log" 2>&1; then
    pass=$((pass+1))
    echo "fuzz $n: ok ($(grep -o 'DONE *cov: [0-9]*' "$out/$n.log" | tail -n 1 || true)) "
  else
    fail=$((fail+1))
    echo "FAIL fuzz $n (log: $out/$n.log)"
    tail -n 30 "$out/$n.log"
  fi
done
echo "$pass $fail" > "$out/test-summary.txt"
echo "fuzz: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
