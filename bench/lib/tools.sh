# Sourced by the bench scripts: builds the CLI and the benchmark tool unless told not to, and sets
#   cli    the powers CLI (Release), from $ART/bin/... when ART names an artifacts folder, else the project's bin/
#   bench  the benchmark tool (it writes NDJSON files and runs RulesEngine over them)
#   work   a temporary folder, removed when the script exits
# Usage: source bench/lib/tools.sh BUILD   (BUILD is 1 to build first, 0 for --no-build)
powers_bench_tools() {
  if [ "$1" = 1 ]; then
    dotnet build -c Release -v q -nologo src/Powers.Cli >/dev/null && dotnet build -c Release -v q -nologo bench/Powers.Benchmarks >/dev/null || return 1
  fi
  if [ -n "${ART:-}" ]; then
    cli="$ART/bin/Powers.Cli/release/Powers.Cli"
    bench="$ART/bin/Powers.Benchmarks/release/Powers.Benchmarks"
  else
    cli=src/Powers.Cli/bin/Release/net10.0/Powers.Cli
    bench=bench/Powers.Benchmarks/bin/Release/net10.0/Powers.Benchmarks
  fi
  work=$(mktemp -d /tmp/powers-ndjson-XXXXXX)
  trap 'rm -rf "$work"' EXIT
}
