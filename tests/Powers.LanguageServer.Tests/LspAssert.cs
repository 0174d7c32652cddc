using Powers.LanguageServer.Protocol;

namespace Powers.LanguageServer.Tests;

/// <summary>Assertions on LSP results that print what the server actually sent, ready to compare.</summary>
internal static class LspAssert
{
    public static void RangeIs(Markup markup, int spanIndex, LspRange actual)
    {
        var (start, end) = markup.Spans[spanIndex];
        var s = markup.PositionOf(start);
        var e = markup.PositionOf(end);
        Assert.True(
            actual.Start.Line == s.Line && actual.Start.Character == s.Character && actual.End.Line == e.Line && actual.End.Character == e.Character,
            $"expected range ({s.Line},{s.Character})-({e.Line},{e.Character}), got ({actual.Start.Line},{actual.Start.Character})-({actual.End.Line},{actual.End.Character})");
    }

    public static LspPosition Cursor(Markup markup)
    {
        var (line, character) = markup.PositionOf(markup.Cursor);
        return new LspPosition(line, character);
    }

    public static string Describe(IEnumerable<LspDiagnostic> diagnostics) =>
        string.Join(Environment.NewLine, diagnostics.Select(d => $"({d.Range.Start.Line},{d.Range.Start.Character}) {d.Code} {d.Message}"));
}
