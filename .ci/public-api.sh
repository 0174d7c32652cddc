#!/usr/bin/env bash
# Declares public API from the analyzer's own diagnostics (there is no command-line code fix):
#   bash .ci/public-api.sh            every public symbol reported undeclared (RS0016) goes into its project's
#                                     PublicAPI.Unshipped.txt; one reported gone (RS0017) goes in as *REMOVED*
#   bash .ci/public-api.sh --release  on a release: Unshipped.txt is folded into Shipped.txt and emptied
# Then read the diff: every added line is a promise to hosts (DEVELOPERS.md, "Public API").
set -euo pipefail
cd "$(dirname "$0")/.."

header='#nullable enable'

if [[ "${1:-}" == "--release" ]]; then
  for dir in src/*/; do
    shipped="$dir/PublicAPI.Shipped.txt" unshipped="$dir/PublicAPI.Unshipped.txt"
    [[ -f "$unshipped" ]] || continue
    removed=$(mktemp)
    { grep '^\*REMOVED\*' "$unshipped" || true; } | sed 's/^\*REMOVED\*//' > "$removed"
    { grep -v "^$header\$" "$shipped" || true; grep -v -e "^$header\$" -e '^\*REMOVED\*' "$unshipped" || true; } \
      | grep -v '^$' | grep -vxF -f "$removed" | LC_ALL=C sort -u > "$shipped.new" || true
    rm "$removed"
    { echo "$header"; cat "$shipped.new"; } > "$shipped" && rm "$shipped.new"
    echo "$header" > "$unshipped"
  done
  exit 0
fi

log=$(mktemp)
trap 'rm -f "$log"' EXIT
# Warnings stay warnings here so every project compiles and reports; then each project alone is rebuilt so the
# analyzer runs on it even when it was up to date.
for project in src/*/*.csproj; do
  dotnet build "$project" -c Release -nologo -v q -p:TreatWarningsAsErrors=false > /dev/null 2>&1 || true
done
for project in src/*/*.csproj; do
  dotnet build "$project" -c Release --no-incremental --no-dependencies -nologo -v q -p:TreatWarningsAsErrors=false >> "$log" 2>&1 || true
done

for dir in src/*/; do
  unshipped="$dir/PublicAPI.Unshipped.txt"
  project=$(basename "$dir")
  found=$(grep -E "warning RS001[67]: .*\[.*/src/$project/$project\.csproj\]" "$log" | sort -u || true)
  [[ -n "$found" ]] || continue
  added=$(sed -nE "s/.*warning RS0016: Symbol '(.*)' is not part of the declared public API.*/\1/p" <<< "$found")
  gone=$(sed -nE "s/.*warning RS0017: Symbol '(.*)' is part of the declared API, but .*/\1/p" <<< "$found")
  # Gone before it shipped: the line just goes. Gone after: the analyzer wants it marked *REMOVED* (a breaking change).
  kept=$(mktemp)
  { grep -v "^$header\$" "$unshipped" || true; } | grep -vxF -f <(printf '%s\n' "$gone" | grep -v '^$' || true) > "$kept" || true
  removals=$(while IFS= read -r g; do [[ -z "$g" ]] || grep -qxF "$g" "$unshipped" || echo "*REMOVED*$g"; done <<< "$gone")
  { cat "$kept"; printf '%s\n' "$added" "$removals"; } | grep -v '^$' | LC_ALL=C sort -u > "$unshipped.new" || true
  rm "$kept"
  { echo "$header"; cat "$unshipped.new"; } > "$unshipped" && rm "$unshipped.new"
  echo "$project: $(grep -c . <<< "$added" || true) added, $(grep -c . <<< "$gone" || true) removed"
done
