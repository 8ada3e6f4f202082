#!/bin/sh
# Benchmarks on the ANT news corpus (../shared/data/news), one core each
# (taskset -c 0) unless a benchmark is about threads. The corpus is
# decompressed once into /tmp so that only rasd's own work is timed.
# Usage: bench/run.sh BUILD SHARED
B=${1:-build}
S=${2:-../shared}
Z="$S/data/news/ant-corpus-v2.1.jsonl.zst"
C=/tmp/rasd-ant-corpus.jsonl
if [ ! -f "$Z" ]; then
  echo "bench: $Z not found (needs ../shared)"; exit 1
fi
[ -s "$C" ] || zstd -q -dc "$Z" > "$C"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo "== bench_read (read + clean + normalise + tokenise + split; whole corpus)"
taskset -c 0 "$B/bench/bench_read" "$C" 5
echo "== bench_lang (segmentation, tagging, NER; first 5,000 articles)"
taskset -c 0 "$B/bench/bench_lang" "$C" 5 5000
echo "== bench_code (rasd code end to end)"
sh bench/bench_code.sh "$B/rasd" "$C"
echo "== bench_store (ingest the corpus; then a store of >1M events and dyad query latency)"
"$B/bench/bench_store" "$C" 3
