using System.Text.RegularExpressions;
using Powers.LanguageServer.Protocol;
using Powers.LanguageServer.Workspace;
using Powers.Text;

namespace Powers.LanguageServer.Features;

/// <summary>
/// Quick fixes: apply a diagnostic's "did you mean" suggestion, and add a missing citation as an empty
/// <c>"cite"</c> property for the author to fill in (the diagnostic stays until the citation is written).
/// </summary>
internal static partial class CodeActionProvider
{
    public const string MissingCitation = "PWR0401";

    public static IReadOnlyList<CodeAction> Actions(DocumentContext context, IReadOnlyList<LspDiagnostic> diagnostics)
    {
        var actions = new List<CodeAction>();
        foreach (var d in diagnostics)
        {
            if (d is null || d.Source != DiagnosticConverter.Source)
            {
                continue;
            }

            var suggestion = DidYouMean().Match(d.Message ?? string.Empty);
            if (suggestion.Success)
            {
                var span = TextPositions.ToSpan(context.Source, d.Range);
                string current = context.Source.GetText(span);
                string replacement = Requote(current, suggestion.Groups[1].Value);
                actions.Add(Fix("Change to '" + suggestion.Groups[1].Value + "'", context.Uri, d, new TextEdit(d.Range, replacement)));
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

    [GeneratedRegex("did you mean '([^']+)'\\?")]
    private static partial Regex DidYouMean();
}
