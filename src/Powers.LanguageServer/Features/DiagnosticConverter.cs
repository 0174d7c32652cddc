using System.Text.RegularExpressions;
using Powers.Diagnostics;
using Powers.LanguageServer.Analysis;
using Powers.LanguageServer.Protocol;
using Powers.LanguageServer.Workspace;
using Powers.Text;

namespace Powers.LanguageServer.Features;

/// <summary>
/// Turns a compilation's diagnostics into LSP diagnostics by file: the PWR id as <c>code</c>, the severity, the exact
/// range (inside <c>when</c> strings too, as the compiler keeps it), and related information where the cause is in
/// another file: the version a message names, or the target of an <c>extends</c> or <c>include</c> in a cycle.
/// A diagnostic about no file is shown at the top of every open document of the library.
/// </summary>
internal static partial class DiagnosticConverter
{
    public const string Source = "powers";

    public static Dictionary<string, List<LspDiagnostic>> Convert(LibrarySnapshot snapshot, IEnumerable<string> openPaths)
    {
        var byPath = new Dictionary<string, List<LspDiagnostic>>(StringComparer.Ordinal);
        foreach (var d in snapshot.Result.Diagnostics)
        {
            if (d.Location is not { } location)
            {
                foreach (string path in openPaths)
                {
                    For(byPath, path).Add(new LspDiagnostic(TextPositions.Empty, Severity(d.Severity), d.Id, Source, d.Message));
                }

                continue;
            }

            var related = Related(snapshot, d, location);
            var range = TextPositions.ToRange(location.Source, location.Span);
            var data = d.Suggestion is { } suggestion
                ? new SuggestionData(suggestion, Requote(location.Source.GetText(location.Span), suggestion), range).ToJson()
                : (System.Text.Json.JsonElement?)null;
            For(byPath, location.Path).Add(new LspDiagnostic(range, Severity(d.Severity), d.Id, Source, d.Message, related, data));
        }

        return byPath;
    }

    public static int Severity(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => 1,
        DiagnosticSeverity.Warning => 2,
        _ => 3,
    };

    /// <summary>Keeps the quotes the squiggled text has: a JSON string keeps its double quotes, an enum literal its single ones.</summary>
    private static string Requote(string current, string suggestion)
    {
        foreach (char q in new[] { '"', '\'' })
        {
            if (current.Length >= 2 && current[0] == q && current[^1] == q)
            {
                return q + suggestion + q;
            }
        }

        return suggestion;
    }

    private static List<LspDiagnostic> For(Dictionary<string, List<LspDiagnostic>> byPath, string path)
    {
        if (!byPath.TryGetValue(path, out var list))
        {
            list = [];
            byPath[path] = list;
        }

        return list;
    }

    private static List<DiagnosticRelatedInformation>? Related(LibrarySnapshot snapshot, Diagnostic d, Location location)
    {
        List<DiagnosticRelatedInformation>? related = null;
        foreach (Match m in VersionId().Matches(d.Message))
        {
            var version = snapshot.Library?.Versions.FirstOrDefault(v => v.Id == m.Groups[1].Value);
            if (version is not null && version.Location.Path != location.Path)
            {
                (related ??= []).Add(new DiagnosticRelatedInformation(
                    new LspLocation(DocumentUri.FromPath(version.Location.Path), TextPositions.ToRange(version.Location.Source, version.Location.Span)),
                    version.Id + ": " + version.Title));
            }
        }

        if (d.Id is "PWR0305" or "PWR0306")
        {
            var file = snapshot.Index.File(location.Path);
            var symbol = file?.At(location.Span.Start);
            if (symbol is { Kind: SymbolKind.Version or SymbolKind.Designation })
            {
                foreach (var (target, definition) in snapshot.Index.Definitions(symbol))
                {
                    (related ??= []).Add(new DiagnosticRelatedInformation(
                        new LspLocation(DocumentUri.FromPath(target.Path), TextPositions.ToRange(target.Source, definition.Span)),
                        "'" + symbol.Name + "' is defined here"));
                }
            }
        }

        return related;
    }

    [GeneratedRegex("'([a-z0-9]+(?:-[a-z0-9]+)*@[a-z0-9]+(?:-[a-z0-9]+)*)'")]
    private static partial Regex VersionId();
}
