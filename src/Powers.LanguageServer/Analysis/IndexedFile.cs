using Powers.Syntax.Json;
using Powers.Text;

namespace Powers.LanguageServer.Analysis;

/// <summary>One file of the index: its text, role, JSON tree (null when it does not parse) and names.</summary>
internal sealed record IndexedFile(string Path, SourceText Source, FileRole Role, JsonNode? Root, IReadOnlyList<SymbolOccurrence> Symbols)
{
    public static IndexedFile Create(string root, SourceText source)
    {
        var role = FileRoles.Of(root, source.Path);
        var symbols = SymbolWalker.Walk(source, role, out var tree);
        return new IndexedFile(source.Path, source, role, tree, symbols);
    }

    /// <summary>The innermost name whose span holds the offset (an offset just past a name counts).</summary>
    public SymbolOccurrence? At(int offset)
    {
        SymbolOccurrence? best = null;
        foreach (var s in Symbols)
        {
            if (offset >= s.Span.Start && offset <= s.Span.End && (best is null || s.Span.Length < best.Span.Length
                || (s.Span.Length == best.Span.Length && best.Kind == SymbolKind.Property)))
            {
                best = s;
            }
        }

        return best;
    }
}
