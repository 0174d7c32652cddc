#!/usr/bin/env bash
# `powers query --format outcomes` against Microsoft RulesEngine over the same NDJSON file, whole process: both
# sides are timed with /usr/bin/time and their answers are checked against each other first (a figure for a run
# that disagrees is worthless). RulesEngine is two-valued, so a power Powers calls undetermined is not compared;
# every other answer must match: permitted with permitted, denied, not-designated and not-in-force with
# not-permitted.
#
#   bench/ndjson-vs-rulesengine.sh [LINES] [--no-build]     # default 50000 lines; CI runs 2000
#   ART=/tmp/art-NAME bench/ndjson-vs-rulesengine.sh 50000 --no-build   # a build in an artifacts folder
#
# Prints one table row per file (stored designations, ad hoc), two interleaved runs each. Exit 1 on disagreement.
set -uo pipefail
cd "$(dirname "$0")/.."
lines=${1:-50000}
build=1
[ "${2:-}" != "--no-build" ] || build=0
# shellcheck source=bench/lib/tools.sh
source bench/lib/tools.sh
powers_bench_tools "$build" || exit 1

timed() { # FILE OUT COMMAND...: prints "wall user peak_kb"
  local out=$2; shift 2
  /usr/bin/time -f "%e %U %M" -o "$work/time" "$@" > "$out" || return 1
  cat "$work/time"
}

status=0
echo "| file | lines | powers query (s wall, s user, MB) | RulesEngine (s wall, s user, MB) | RulesEngine / powers (wall) | compared answers |"
echo "|---|---:|---|---|---:|---:|"
for kind in ndjson ndjson-adhoc; do
  file="$work/$kind.ndjson"
  "$bench" "$kind" "$lines" "$file" >/dev/null || exit 1
  powers_times=() rules_times=()
  for run in 1 2; do
    powers_times+=("$(timed "$file" "$work/powers.out" "$cli" query --input "$file" --format outcomes)") || { echo "powers query failed"; exit 1; }
    rules_times+=("$(timed "$file" "$work/rules.out" "$bench" rulesengine-ndjson "$file")") || { echo "rulesengine-ndjson failed"; exit 1; }
  done
  compared=$(python3 - "$work/powers.out" "$work/rules.out" <<'PY'
import json, sys
powers = open(sys.argv[1]).read().splitlines()
rules = open(sys.argv[2]).read().splitlines()
if len(powers) != len(rules):
    print(f"line counts differ: powers {len(powers)}, RulesEngine {len(rules)}"); sys.exit(1)
compared = 0
for n, (p, r) in enumerate(zip(powers, rules), 1):
    p, r = json.loads(p), json.loads(r)
    for power, outcome in p.items():
        if outcome == "undetermined":
            continue
        expected = "permitted" if outcome == "permitted" else "not-permitted"
        if r.get(power) != expected:
            print(f"line {n}: {power}: powers {outcome}, RulesEngine {r.get(power)}"); sys.exit(1)
        compared += 1
print(compared)
PY
) || { echo "disagreement ($kind): $compared"; status=1; continue; }
  row() { awk -v a="$1" -v b="$2" 'BEGIN { split(a, x, " "); split(b, y, " "); printf "%s, %s, %d / %s, %s, %d", x[1], x[2], x[3]/1024, y[1], y[2], y[3]/1024 }'; }
  ratio() { awk -v a="$1" -v b="$2" 'BEGIN { split(a, x, " "); split(b, y, " "); printf "%.1fx", y[1] / (x[1] > 0 ? x[1] : 0.01) }'; }
  echo "| $kind | $lines | $(row "${powers_times[0]}" "${powers_times[1]}") | $(row "${rules_times[0]}" "${rules_times[1]}") | $(ratio "${powers_times[0]}" "${rules_times[0]}"), $(ratio "${powers_times[1]}" "${rules_times[1]}") | $compared |"
done
exit $status
