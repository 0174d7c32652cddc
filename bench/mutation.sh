#!/usr/bin/env bash
# Mutation testing of the deciding core (issue 23, item 6): Stryker.NET (dotnet-stryker, pinned in
# .config/dotnet-tools.json) mutates the core's source and runs tests/Powers.Tests against each mutant; a mutant no
# test kills is a line the tests do not pin. The scores and the triaged survivors are in docs/mutation.md.
#
#   bash bench/mutation.sh             the deciding core (Evaluation, Planning, Deciding, Queries) in eight pieces, one
#                                      Stryker run each, then the score per piece, per folder and in total (hours on
#                                      two cores; not in CI)
#   PIECES='Evaluation Deciding' bash bench/mutation.sh
#                                      only those pieces (names below), with their total
#   MUTATE='Evaluation/TriLogic.cs' TESTS='FullyQualifiedName~Powers.Tests.Evaluation' bash bench/mutation.sh
#                                      one file (or a space-separated list of paths and globs under src/Powers; a
#                                      leading ! excludes) against the tests named, for a quick look
#   bash bench/mutation.sh summary DIR...
#                                      the total of reports already written (each DIR holds reports/mutation-report.json
#                                      or pieces that do); a mutant in several reports counts with its last status
#   bash bench/mutation.sh recheck DIR...
#                                      runs every selected test (coverage "all") against the lines of this checkout
#                                      that held the survived, uncovered and timed-out mutants of those reports (found by their
#                                      text, so a newer commit with new tests works), then the merged total: what a
#                                      full re-run would say of those mutants, at a fraction of its cost
#
# TESTS is a dotnet test --filter expression; the default is the tests of the core's folders without the three classes
# that take minutes per mutant (docs/mutation.md, "Which tests"), TESTS=all every test of tests/Powers.Tests.
# COVERAGE is Stryker's coverage analysis: "all" (the default) runs every selected test against every mutant a test
# reaches; "perTest" only the tests it recorded reaching that mutant, which is no faster here (the core's lines are
# reached by hundreds of tests) and misses tests: a library, plan or catalogue that a static field builds once is
# recorded as reached by the first test only (docs/mutation.md, "Which tests"). CONCURRENCY (default
# 1) is how many test runs Stryker starts at once: keep it at 1 on a shared machine. ADDITIONAL_TIMEOUT (ms, default
# 20000) is the margin past a mutant's usual test time before Stryker calls it a timeout. PIECE_TIMEOUT (default 3h)
# bounds each Stryker run; a piece that hits it leaves no report and the total says so. Reports: StrykerOutput/<UTC time>/<piece>/reports/mutation-report.{html,json}
# at the top of the repository (ignored by git). Stryker builds with plain dotnet build, into each project's bin/ and
# obj/ (as a build without --artifacts-path does).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

summary() { python3 "$root/bench/mutation_report.py" summary "$@"; }

if [ "${1:-}" = summary ]; then
  shift
  summary "$@"
  exit
fi

recheck=()
if [ "${1:-}" = recheck ]; then
  shift
  [ $# -gt 0 ] || { echo "recheck: name the StrykerOutput folders to recheck" >&2; exit 2; }
  mapfile -t recheck < <(python3 "$root/bench/mutation_report.py" spans "$root" "$@")
  [ ${#recheck[@]} -gt 0 ] || { echo "recheck: no survived, uncovered or timed-out mutant in $*"; exit 0; }
  # Every selected test for every mutant: a perTest survivor is only a survivor when the whole filter has run against it.
  COVERAGE=all
fi

# One Stryker run: $1 the piece's name (its report folder), the rest the paths and globs to mutate.
run() {
  local name=$1
  shift
  local args=(--project Powers.csproj --configuration Release --concurrency "${CONCURRENCY:-1}"
              --output "$out/$name" --reporter html --reporter json --reporter progress --reporter cleartext)
  local glob
  for glob in "$@"; do
    if [ "${glob#!}" != "$glob" ]; then
      args+=(--mutate "!**/${glob#!}")
    else
      args+=(--mutate "**/$glob")
    fi
  done
  echo "== $name: $* ($(date -u +%H:%M:%S), load $(cut -d' ' -f1-3 /proc/loadavg))"
  (cd tests/Powers.Tests && timeout --kill-after=1m "${PIECE_TIMEOUT:-3h}" \
     dotnet stryker --config-file "$config" "${args[@]}") || echo "== $name: stryker exited $?"
  echo "== $name: done $(date -u +%H:%M:%S), load $(cut -d' ' -f1-3 /proc/loadavg)"
}

dotnet tool restore >/dev/null
config=$(mktemp --suffix=.json)
trap 'rm -f "$config"' EXIT
# The test filter and the coverage analysis have no command-line option; Stryker reads them from a config file.
# The default filter: the tests of the core's folders and of what decides through them, without the three classes that
# take minutes per mutant on two cores (docs/mutation.md, "Which tests").
core='(FullyQualifiedName~Powers.Tests.Evaluation.|FullyQualifiedName~Powers.Tests.Deciding.|FullyQualifiedName~Powers.Tests.Planning.'
core+='|FullyQualifiedName~Powers.Tests.Queries.|FullyQualifiedName~Powers.Tests.Decisions.|FullyQualifiedName~Powers.Tests.Law.'
core+='|FullyQualifiedName~Powers.Tests.Batch.|FullyQualifiedName~Powers.Tests.PowersEngineTests.)'
core+='&FullyQualifiedName!~DecisionProgramTests.&FullyQualifiedName!~BatchDeciderTests.&FullyQualifiedName!~DecisionDocumentBytesTests.'
tests=${TESTS-$core}
[ "$tests" = all ] && tests=
# Stryker calls a mutant "timeout" (and counts it as detected) when its tests run longer than the initial run's time
# plus this margin; on a shared machine a niced run is often just slow, so the margin here is 20 s, not Stryker's 5 s.
python3 - "$config" "$tests" "${COVERAGE:-all}" "${ADDITIONAL_TIMEOUT:-20000}" <<'EOF'
import json, sys
path, tests, coverage, margin = sys.argv[1:]
options = {"coverage-analysis": coverage, "additional-timeout": int(margin)}
if tests:
    options["test-case-filter"] = tests
json.dump({"stryker-config": options}, open(path, "w"))
EOF

out=$root/StrykerOutput/$(date -u +%Y-%m-%dT%H-%M-%S)
if [ ${#recheck[@]} -gt 0 ]; then
  set -f; run recheck "${recheck[@]}"; set +f
  summary "$@" "$out"
  exit
elif [ -n "${MUTATE:-}" ]; then
  # shellcheck disable=SC2086 # a list of globs, split on purpose (and not expanded here: set -f)
  set -f; run file $MUTATE; set +f
else
  declare -A piece=(
    [Evaluation]='Evaluation/**/*.cs'
    [Deciding]='Deciding/**/*.cs'
    [Planning]='Planning/**/*.cs'
    [QueryResolver]='Queries/QueryResolver.cs'
    [CompactQueryReader]='Queries/CompactQueryReader.cs'
    [QueryReader]='Queries/QueryReader.cs'
    [QueryRestrictionReader]='Queries/QueryRestrictionReader.cs'
    [Queries]='Queries/**/*.cs !Queries/QueryResolver.cs !Queries/CompactQueryReader.cs !Queries/QueryReader.cs !Queries/QueryRestrictionReader.cs'
  )
  for name in ${PIECES:-Evaluation Deciding Planning QueryResolver CompactQueryReader QueryReader QueryRestrictionReader Queries}; do
    [ -n "${piece[$name]:-}" ] || { echo "no piece '$name' (pieces: ${!piece[*]})" >&2; exit 2; }
    set -f; run "$name" ${piece[$name]}; set +f
  done
fi
summary "$out"
