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
#                                      or pieces that do)
#
# TESTS is a dotnet test --filter expression; the default is the tests of the core's folders without the three classes
# that take minutes per mutant (docs/mutation.md, "Which tests"), TESTS=all every test of tests/Powers.Tests.
# Stryker's perTest coverage (COVERAGE, the default) runs only the tests that cover each mutant. CONCURRENCY (default
# 1) is how many test runs Stryker starts at once: keep it at 1 on a shared machine. ADDITIONAL_TIMEOUT (ms, default
# 20000) is the margin past a mutant's usual test time before Stryker calls it a timeout. PIECE_TIMEOUT (default 3h)
# bounds each Stryker run; a piece that hits it leaves no report and the total says so. Reports: StrykerOutput/<UTC time>/<piece>/reports/mutation-report.{html,json}
# at the top of the repository (ignored by git). Stryker builds with plain dotnet build, into each project's bin/ and
# obj/ (as a build without --artifacts-path does).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

summary() {
  python3 - "$@" <<'EOF'
import collections, json, os, sys

def reports(path):
    if os.path.isfile(os.path.join(path, "reports", "mutation-report.json")):
        yield os.path.basename(os.path.normpath(path)), os.path.join(path, "reports", "mutation-report.json")
    else:
        for name in sorted(os.listdir(path)):
            report = os.path.join(path, name, "reports", "mutation-report.json")
            if os.path.isfile(report):
                yield name, report
            elif os.path.isdir(os.path.join(path, name)):
                print(f"{name}: no report (stopped, or still running)")

columns = ["Killed", "Survived", "NoCoverage", "Timeout"]
def row(label, c):
    detected = c["Killed"] + c["Timeout"]
    valid = detected + c["Survived"] + c["NoCoverage"]
    score = f"{100 * detected / valid:.2f}%" if valid else "-"
    return f"| {label} | {valid} | {c['Killed']} | {c['Survived']} | {c['NoCoverage']} | {c['Timeout']} | {c['CompileError']} | {score} |"

pieces, folders, total, left = {}, collections.defaultdict(collections.Counter), collections.Counter(), []
for path in sys.argv[1:]:
    for name, report in reports(path):
        counts = collections.Counter()
        for file, data in json.load(open(report))["files"].items():
            rel = file.split("src/Powers/", 1)[-1]
            # Only files the run mutated: Stryker also lists the others, with the compile errors of their mutants.
            if all(m["status"] in ("Ignored", "CompileError") for m in data["mutants"]):
                continue
            for m in data["mutants"]:
                counts[m["status"]] += 1
                folders[rel.split("/", 1)[0]][m["status"]] += 1
                total[m["status"]] += 1
                if m["status"] in ("Survived", "NoCoverage"):
                    line = m["location"]["start"]["line"]
                    left.append(f"{m['status']:10} {rel}:{line} {m['mutatorName']}: {m.get('replacement', '')!r}")
        pieces[name] = counts

print("| scope | mutants tested | killed | survived | no coverage | timeout | compile error | score |")
print("|---|---:|---:|---:|---:|---:|---:|---:|")
for name, c in pieces.items():
    print(row(f"piece {name}", c))
for name, c in sorted(folders.items()):
    print(row(f"folder {name}", c))
print(row("**total**", total))
print()
print("Survived and not covered (file:line mutator: replacement):")
print("\n".join(left) if left else "none")
EOF
}

if [ "${1:-}" = summary ]; then
  shift
  summary "$@"
  exit
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
python3 - "$config" "$tests" "${COVERAGE:-perTest}" "${ADDITIONAL_TIMEOUT:-20000}" <<'EOF'
import json, sys
path, tests, coverage, margin = sys.argv[1:]
options = {"coverage-analysis": coverage, "additional-timeout": int(margin)}
if tests:
    options["test-case-filter"] = tests
json.dump({"stryker-config": options}, open(path, "w"))
EOF

out=$root/StrykerOutput/$(date -u +%Y-%m-%dT%H-%M-%S)
if [ -n "${MUTATE:-}" ]; then
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
