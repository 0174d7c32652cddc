using Powers.LanguageServer.Protocol;
using Powers.Text;

namespace Powers.LanguageServer.Workspace;

/// <summary>
/// Converts between the compiler's offsets and LSP positions. Both count UTF-16 code units, so a column is an LSP
/// character once made zero-based.
/// </summary>
internal static class TextPositions
{
    public static LspPosition ToPosition(SourceText source, int offset)
    {
        var p = source.GetLinePosition(offset);
        return new LspPosition(p.Line - 1, p.Column - 1);
    }

    public static LspRange ToRange(SourceText source, TextSpan span) =>
        new(ToPosition(source, span.Start), ToPosition(source, span.End));

    public static int ToOffset(SourceText source, LspPosition position) =>
        source.GetOffset(new LinePosition(position.Line + 1, position.Character + 1));

    public static TextSpan ToSpan(SourceText source, LspRange range)
    {
        int start = ToOffset(source, range.Start);
        return TextSpan.FromBounds(start, Math.Max(start, ToOffset(source, range.End)));
    }

    public static LspRange Empty => new(new LspPosition(0, 0), new LspPosition(0, 0));
}
