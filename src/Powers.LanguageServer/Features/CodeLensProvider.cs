using Powers.LanguageServer.Analysis;
using Powers.LanguageServer.Protocol;
using Powers.LanguageServer.Workspace;
using Powers.Model;
using Powers.Syntax.Json;

namespace Powers.LanguageServer.Features;

/// <summary>
/// A code lens on each power of a rule set version: its outcome in a real situation, the first golden case decided
/// under this version that expects an outcome for the power, and whether that matches the case. The lens command
/// opens the case (the VS Code extension registers it; other editors show the title).
/// </summary>
internal static class CodeLensProvider
{
    public const string OpenLocationCommand = "powers.openLocation";

    public static IReadOnlyList<CodeLens> Lenses(DocumentContext context)
    {
        var snapshot = context.Snapshot;
        var library = snapshot?.Library;
        if (snapshot is not null && JsonNodes.Get(context.File.Root, "assertions") is JsonArray assertions)
        {
            return Verdicts(context, snapshot, assertions);
        }

        string? family = JsonNodes.String(context.File.Root, "ruleset");
        string? version = JsonNodes.String(context.File.Root, "version");
        if (snapshot is null || library is null || family is null || version is null || context.File.Role != FileRole.Other)
        {
            return [];
        }

        string id = family + "@" + version;
        var lenses = new List<CodeLens>();
        foreach (var s in context.File.Symbols)
        {
            if (s.Kind != SymbolKind.Power || s.Node is null)
            {
                continue;
            }

            var range = TextPositions.ToRange(context.Source, s.Span);
            if (snapshot.Samples.TryGet(id, s.Name, out var sample, out var outcome))
            {
                string expected = sample.Expect[s.Name];
                string actual = OutcomeNames.Name(outcome);
                string title = actual + " in case '" + Shorten(sample.Name) + "'" + (actual == expected ? " (as expected)" : " (case expects " + expected + ")");
                var at = sample.Location;
                lenses.Add(new CodeLens(range, new LspCommand(title, OpenLocationCommand,
                    [DocumentUri.FromPath(at.Path), TextPositions.ToPosition(at.Source, at.Span.Start)])));
            }
            else
            {
                lenses.Add(new CodeLens(range, new LspCommand("no golden case decides this power under " + id, string.Empty)));
            }
        }

        return lenses;
    }

    /// <summary>On each assertion: proved, or refuted with the power and outcome of the counterexample (as powers verify finds them).</summary>
    private static List<CodeLens> Verdicts(DocumentContext context, LibrarySnapshot snapshot, JsonArray assertions)
    {
        var lenses = new List<CodeLens>();
        foreach (var item in assertions.Items)
        {
            if (JsonNodes.Get(item, "id") is not JsonString id)
            {
                continue;
            }

            var range = TextPositions.ToRange(context.Source, id.Span);
            string title = snapshot.Result.Library is null
                ? "not verified: the library has errors"
                : !snapshot.Verdicts.TryGetValue(id.Value, out var verdict)
                    ? "not verified"
                    : verdict.Stopped is { } stop
                        ? "not verified: too large (" + stop.Message + ")"
                    : verdict.Counterexample is { } counter
                        ? "refuted: " + counter.Power + " is " + OutcomeNames.Name(counter.Outcome) + (counter.Version is { } v ? " under " + v.Id : string.Empty) + " (powers verify shows the query)"
                        : "proved over " + verdict.Plans + " plans";
            lenses.Add(new CodeLens(range, new LspCommand(title, string.Empty)));
        }

        return lenses;
    }

    private static string Shorten(string name) => name.Length <= 60 ? name : name[..57] + "...";
}
