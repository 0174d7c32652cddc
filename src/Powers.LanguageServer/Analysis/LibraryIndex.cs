using Powers.Text;

namespace Powers.LanguageServer.Analysis;

/// <summary>Every name defined and used across a library's files, for definitions, references and completion.</summary>
internal sealed class LibraryIndex
{
    private LibraryIndex(string root, IReadOnlyList<IndexedFile> files)
    {
        Root = root;
        Files = files;
    }

    public string Root { get; }

    public IReadOnlyList<IndexedFile> Files { get; }

    public static LibraryIndex Build(string root, IReadOnlyDictionary<string, SourceText> texts)
    {
        var files = new List<IndexedFile>(texts.Count);
        foreach (var (_, source) in texts.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            files.Add(IndexedFile.Create(root, source));
        }

        return new LibraryIndex(root, files);
    }

    public IEnumerable<(IndexedFile File, SymbolOccurrence Symbol)> Definitions(SymbolOccurrence of) =>
        Occurrences(of).Where(o => o.Symbol.IsDefinition);

    public IEnumerable<(IndexedFile File, SymbolOccurrence Symbol)> Occurrences(SymbolOccurrence of)
    {
        foreach (var file in Files)
        {
            foreach (var s in file.Symbols)
            {
                if (s.Kind != SymbolKind.Property && s.SameSymbol(of))
                {
                    yield return (file, s);
                }
            }
        }
    }

    /// <summary>The definitions of one kind (every fact, every power id ...), first one per name.</summary>
    public IReadOnlyList<SymbolOccurrence> DefinitionsOf(SymbolKind kind, string? scope = null)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<SymbolOccurrence>();
        foreach (var file in Files)
        {
            foreach (var s in file.Symbols)
            {
                if (s.Kind == kind && s.IsDefinition && (scope is null || s.Scope == scope) && seen.Add(s.Name))
                {
                    result.Add(s);
                }
            }
        }

        return result;
    }

    public IndexedFile? File(string path) => Files.FirstOrDefault(f => f.Path == path);
}
