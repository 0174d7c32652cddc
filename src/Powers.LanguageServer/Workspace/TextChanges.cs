using System.Text;
using Powers.LanguageServer.Protocol;
using Powers.Text;

namespace Powers.LanguageServer.Workspace;

/// <summary>Applies LSP content changes (incremental or whole) to a document's text, in order.</summary>
internal static class TextChanges
{
    public static SourceText Apply(SourceText text, IReadOnlyList<TextDocumentContentChangeEvent>? changes)
    {
        if (changes is null)
        {
            return text;
        }

        foreach (var change in changes)
        {
            if (change?.Text is null)
            {
                continue;
            }

            if (change.Range is null)
            {
                text = new SourceText(text.Path, change.Text);
                continue;
            }

            // A position past a line's end or past the last line is clamped, as the protocol asks.
            var span = TextPositions.ToSpan(text, change.Range);
            var builder = new StringBuilder(text.Length - span.Length + change.Text.Length);
            builder.Append(text.Text, 0, span.Start).Append(change.Text).Append(text.Text, span.End, text.Length - span.End);
            text = new SourceText(text.Path, builder.ToString());
        }

        return text;
    }
}
