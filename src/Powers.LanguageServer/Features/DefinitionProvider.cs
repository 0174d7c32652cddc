using Powers.LanguageServer.Analysis;
using Powers.LanguageServer.Protocol;
using Powers.LanguageServer.Workspace;

namespace Powers.LanguageServer.Features;

/// <summary>Go to definition and find references: facts (to facts.json), enum values, power, designation, version and force ids.</summary>
internal static class DefinitionProvider
{
    public static IReadOnlyList<LspLocation> Definition(DocumentContext context, int offset)
    {
        var symbol = context.File.At(offset);
        if (symbol is null || symbol.Kind is SymbolKind.Property or SymbolKind.Clause || context.Index is null)
        {
            return [];
        }

        return context.Index.Definitions(symbol).Select(d => Location(context, d.File, d.Symbol)).ToList();
    }

    public static IReadOnlyList<LspLocation> References(DocumentContext context, int offset, bool includeDeclaration)
    {
        var symbol = context.File.At(offset);
        if (symbol is null || symbol.Kind is SymbolKind.Property or SymbolKind.Clause || context.Index is null)
        {
            return [];
        }

        return context.Index.Occurrences(symbol)
            .Where(o => includeDeclaration || !o.Symbol.IsDefinition)
            .Select(o => Location(context, o.File, o.Symbol))
            .ToList();
    }

    private static LspLocation Location(DocumentContext context, IndexedFile file, SymbolOccurrence symbol) =>
        new(context.UriOf(file.Path), TextPositions.ToRange(file.Source, symbol.Span));
}
