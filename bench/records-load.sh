#!/usr/bin/env bash
# Decision records in PostgreSQL under load: a throwaway server (.ci/postgres.sh: fsync and synchronous_commit on,
# Unix socket, temporary directory), CALLERS concurrent DecideAsync callers for SECONDS after a warm-up, through the
# public hosting API (bench/Powers.Benchmarks/RecordsLoad.cs). Prints decisions/s, latency p50/p99/max, the row
# size as stored, CPU per decision over the measured window (the client, of it the JIT, and the server), and the
# acknowledged decisions without a row (must be 0; exit 1 otherwise). WARMUP sets the warm-up in seconds (default
# SECONDS/4, 1 to 5): on a loaded machine tiered compilation is still busy well after 5 s; 20 s takes it out.
#
#   bench/records-load.sh [SECONDS] [CALLERS] [--no-build]    # default 20 s, 32 callers
#   ART=/tmp/art-NAME bench/records-load.sh 20 32 --no-build  # a build in an artifacts folder
#   WARMUP=30 bench/records-load.sh 20 32                     # a longer warm-up
set -uo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-20}
callers=${2:-32}
if [ "${3:-}" != "--no-build" ]; then
  dotnet build -c Release -v q -nologo bench/Powers.Benchmarks >/dev/null || exit 1
fi
if [ -n "${ART:-}" ]; then
  bench="$ART/bin/Powers.Benchmarks/release/Powers.Benchmarks"
else
  bench=bench/Powers.Benchmarks/bin/Release/net10.0/Powers.Benchmarks
fi
started_here=0
if [ -z "${POWERS_TEST_POSTGRES:-}" ]; then
  source .ci/postgres.sh
  powers_postgres_start || exit 1
  started_here=1
fi
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
"$bench" records-load "$seconds" "$callers" ${WARMUP:+"$WARMUP"}
status=$?
[ $started_here = 1 ] && powers_postgres_stop
exit $status
