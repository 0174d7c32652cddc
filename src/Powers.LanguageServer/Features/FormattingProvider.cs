using Powers.LanguageServer.Protocol;
using Powers.LanguageServer.Workspace;
using Powers.Syntax.Json;

namespace Powers.LanguageServer.Features;

/// <summary>
/// Whole-document formatting through the formatter <c>powers fmt</c> uses (<see cref="JsonFormatter"/>): one canonical
/// layout, key order and every token kept. A document that does not parse is left alone (no edit), as fmt leaves it.
/// </summary>
internal static class FormattingProvider
{
    public static IReadOnlyList<TextEdit> Format(DocumentContext context)
    {
        string text = context.Source.Text;
        string? formatted = JsonFormatter.Format(text);
        if (formatted is null || formatted == text)
        {
            return [];
        }

        var whole = new LspRange(new LspPosition(0, 0), TextPositions.ToPosition(context.Source, text.Length));
        return [new TextEdit(whole, formatted)];
    }
}
