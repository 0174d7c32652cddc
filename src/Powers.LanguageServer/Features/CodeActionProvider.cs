using Powers.Diagnostics;
using Powers.LanguageServer.Protocol;
using Powers.LanguageServer.Workspace;
using Powers.Text;

namespace Powers.LanguageServer.Features;

/// <summary>
/// Quick fixes, chosen by the diagnostic's code and data (never its English message): apply a "did you mean"
/// suggestion the server sent in <c>Diagnostic.data</c> (<see cref="SuggestionData"/>), and add a missing citation as an empty
/// <c>"cite"</c> property for the author to fill in (the diagnostic stays until the citation is written).
/// </summary>
internal static class CodeActionProvider
{
    public const string MissingCitation = "PWR0401";

    /// <summary>The diagnostics whose message may end in "did you mean": the compiler then sets its suggestion.</summary>
    private static readonly HashSet<string> Suggesting = new(
        new[]
        {
            DiagnosticDescriptors.UnknownProperty, DiagnosticDescriptors.InvalidValue, DiagnosticDescriptors.UnknownFact,
            DiagnosticDescriptors.UnknownEnumValue, DiagnosticDescriptors.UnknownPower, DiagnosticDescriptors.UnknownForce,
            DiagnosticDescriptors.UnknownDesignation, DiagnosticDescriptors.UnknownVersion,
        }.Select(d => d.Id),
        StringComparer.Ordinal);

    public static IReadOnlyList<CodeAction> Actions(DocumentContext context, IReadOnlyList<LspDiagnostic> diagnostics)
    {
        var actions = new List<CodeAction>();
        foreach (var d in diagnostics)
        {
            if (d is null || d.Source != DiagnosticConverter.Source)
            {
                continue;
            }

            if (d.Code is { } code && Suggesting.Contains(code) && SuggestionData.TryRead(d.Data) is { } data)
            {
                actions.Add(Fix("Change to '" + data.Suggestion + "'", context.Uri, d, new TextEdit(data.Range, data.Replacement)));
            }
            else if (d.Code == MissingCitation && CitationSkeleton(context.Source, d.Range) is { } edit)
            {
                actions.Add(Fix("Add a citation (\"cite\")", context.Uri, d, edit));
            }
        }

        return actions;
    }

    private static CodeAction Fix(string title, string uri, LspDiagnostic d, TextEdit edit) =>
        new(title, "quickfix", new WorkspaceEdit(new Dictionary<string, IReadOnlyList<TextEdit>> { [uri] = [edit] }), [d], IsPreferred: true);

    /// <summary>When the citation is missing altogether the compiler points at the object's opening brace.</summary>
    private static TextEdit? CitationSkeleton(SourceText source, LspRange range)
    {
        int brace = TextPositions.ToOffset(source, range.Start);
        if (brace >= source.Length || source.Text[brace] != '{')
        {
            return null;
        }

        int next = brace + 1;
        while (next < source.Length && source.Text[next] is ' ' or '\t')
        {
            next++;
        }

        var at = TextPositions.ToPosition(source, brace + 1);
        if (next < source.Length && source.Text[next] is '\r' or '\n')
        {
            // One property per line: take the indentation of the line after the brace.
            int lineStart = source.Text[next] == '\r' && next + 1 < source.Length && source.Text[next + 1] == '\n' ? next + 2 : next + 1;
            int indentEnd = lineStart;
            while (indentEnd < source.Length && source.Text[indentEnd] is ' ' or '\t')
            {
                indentEnd++;
            }

            string indent = source.Text[lineStart..indentEnd];
            return new TextEdit(new LspRange(at, at), "\n" + indent + "\"cite\": \"\",");
        }

        return new TextEdit(new LspRange(at, at), " \"cite\": \"\",");
    }
}
