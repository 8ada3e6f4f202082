#!/bin/sh
# Benchmarks on the ANT news corpus (../shared/data/news). The corpus is
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
for b in "$B"/bench/bench_*; do
  [ -x "$b" ] || continue
  echo "== $(basename "$b")"
  taskset -c 0 "$b" "$C" 5
done
