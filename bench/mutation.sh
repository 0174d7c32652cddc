#!/usr/bin/env bash
# Mutation testing of the deciding core (issue 23, item 6): Stryker.NET (dotnet-stryker, pinned in
# .config/dotnet-tools.json) mutates the core's source and runs tests/Powers.Tests against each mutant; a mutant no
# test kills is a line the tests do not pin. The score and the surviving mutants go in docs/mutation.md.
#
#   bash bench/mutation.sh                     the deciding core: Evaluation, Planning, Deciding, Queries (hours on
#                                              two cores; not in CI)
#   MUTATE='Evaluation/TriLogic.cs' TESTS='FullyQualifiedName~Powers.Tests.Evaluation' bash bench/mutation.sh
#                                              one file against the tests named (a VSTest filter), for a quick look
#
# MUTATE is a space-separated list of paths or globs under src/Powers; TESTS a dotnet test --filter expression
# (default: every test of tests/Powers.Tests). CONCURRENCY (default 1) is how many test runs Stryker starts at once:
# keep it at 1 on a shared machine. Reports: StrykerOutput/<date>/reports/mutation-report.{html,json} under
# tests/Powers.Tests (ignored by git); the last line printed is the score. Stryker builds with plain dotnet build,
# into each project's bin/ and obj/ (as a build without --artifacts-path does).
set -euo pipefail
cd "$(dirname "$0")/.."

mutate=${MUTATE:-"Evaluation/**/*.cs Planning/**/*.cs Deciding/**/*.cs Queries/**/*.cs"}
args=(--project Powers.csproj --configuration Release --concurrency "${CONCURRENCY:-1}"
      --reporter html --reporter json --reporter progress --reporter cleartext)
for glob in $mutate; do
  args+=(--mutate "**/$glob")
done

dotnet tool restore >/dev/null
config=$(mktemp --suffix=.json)
trap 'rm -f "$config"' EXIT
# The test filter has no command-line option; Stryker reads it from a config file.
python3 - "$config" "${TESTS:-}" <<'EOF'
import json, sys
path, tests = sys.argv[1], sys.argv[2]
options = {"test-case-filter": tests} if tests else {}
json.dump({"stryker-config": options}, open(path, "w"))
EOF

cd tests/Powers.Tests
dotnet stryker --config-file "$config" "${args[@]}"
