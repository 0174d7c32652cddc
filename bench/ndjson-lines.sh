#!/usr/bin/env bash
# `powers query --input FILE --format outcomes` alone, whole process, on generated NDJSON files of several sizes,
# stored and ad-hoc designations: wall and user seconds, lines per second (wall) and peak resident memory
# (/usr/bin/time). The RulesEngine comparison is bench/ndjson-vs-rulesengine.sh; this one is for the lines/s and
# memory targets (issue 20: 1,000,000 lines at >= 600,000/s, memory flat), beside System.Text.Json's reader alone
# over the same file (`Powers.Benchmarks tokenize FILE`: every token of every line, nothing else), the floor.
#
#   bench/ndjson-lines.sh [LINES...] [--no-build]              # default 1000 10000 50000 1000000
#   ART=/tmp/art-NAME bench/ndjson-lines.sh 1000000 --no-build  # a build in an artifacts folder
set -uo pipefail
cd "$(dirname "$0")/.."
sizes=() build=1
for a in "$@"; do
  if [ "$a" = --no-build ]; then build=0; else sizes+=("$a"); fi
done
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000 50000 1000000)
# shellcheck source=bench/lib/tools.sh
source bench/lib/tools.sh
powers_bench_tools "$build" || exit 1
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "| file | lines | wall s | user s | lines/s (wall) | peak MB | tokenizer alone: wall s | tokenizer lines/s |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|"
for kind in ndjson ndjson-adhoc; do
  for lines in "${sizes[@]}"; do
    file="$work/$kind-$lines.ndjson"
    "$bench" "$kind" "$lines" "$file" >/dev/null || exit 1
    # A million lines is 2-3 GB just written: without this the run reads while the kernel writes them back, which
    # doubled its wall time on 8 December (13.05 s against 5.0-5.9 s once synced, same file, same build).
    sync
    /usr/bin/time -f "%e %U %M" -o "$work/time" "$cli" query --input "$file" --format outcomes > "$work/out" || { echo "powers query failed on $file"; exit 1; }
    [ "$(wc -l < "$work/out")" -eq "$lines" ] || { echo "powers query answered $(wc -l < "$work/out") of $lines lines"; exit 1; }
    /usr/bin/time -f "%e" -o "$work/time-tokenizer" "$bench" tokenize "$file" > /dev/null || { echo "the tokenizer failed on $file"; exit 1; }
    awk -v k="$kind" -v n="$lines" -v t="$(cat "$work/time-tokenizer")" '{ printf "| %s | %d | %.2f | %.2f | %d | %d | %.2f | %d |\n", k, n, $1, $2, n / ($1 > 0 ? $1 : 0.01), $3 / 1024, t, n / (t > 0 ? t : 0.01) }' "$work/time"
    rm -f "$file"
  done
done
