#!/bin/sh
# End-to-end `rasd code`: start-up time with every model and dictionary
# loaded, sentences per second on one core (-j 1) and with -j 2, output
# identity between the two, and peak RSS. Medians of 3 runs.
# Usage: bench/bench_code.sh path/to/rasd CORPUS.jsonl [docs]
R=${1:-build/rasd}
C=${2:-/tmp/rasd-ant-corpus.jsonl}
N=${3:-10000}
T=$(mktemp -d /tmp/rasd-bench-XXXXXX)
trap 'rm -rf "$T"' EXIT
head -n "$N" "$C" > "$T/in.jsonl"
sents=$("$R" doc --summary "$T/in.jsonl" | awk 'NR>1 {s += $4} END {print s}')
printf 'x\n' > "$T/one.txt"
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
start=$(for i in 1 2 3 4 5; do /usr/bin/time -f "%e" "$R" code "$T/one.txt" 2>&1 >/dev/null | tail -n 1; done | median)
echo "start-up (all models and dictionaries, one tiny document): ${start} s (median of 5)"
for j in 1 2; do
  pin=""; [ "$j" -eq 1 ] && pin="taskset -c 0"
  for i in 1 2 3; do
    /usr/bin/time -f "%e %M" $pin "$R" code -j "$j" "$T/in.jsonl" 2> "$T/time.$j.$i" > "$T/out.$j"
    tail -n 1 "$T/time.$j.$i"
  done > "$T/t.$j"
  wall=$(awk '{print $1}' "$T/t.$j" | median)
  rss=$(awk '{print $2}' "$T/t.$j" | sort -n | tail -n 1)
  echo "-j $j: $N docs, $sents sentences, ${wall} s -> $(awk -v s="$sents" -v w="$wall" 'BEGIN {printf "%.0f", s / w}') sentences/s, peak RSS $((rss / 1024)) MB, $(wc -l < "$T/out.$j") events"
done
if cmp -s "$T/out.1" "$T/out.2"; then echo "-j 2 output identical to -j 1"; else echo "-j 2 output DIFFERS from -j 1"; exit 1; fi
