using Powers.LanguageServer.Analysis;
using Powers.LanguageServer.Workspace;
using Powers.Text;

namespace Powers.LanguageServer.Features;

/// <summary>What a request about one document works on: its current text, its names, and its library's latest snapshot.</summary>
internal sealed record DocumentContext(string Uri, SourceText Source, IndexedFile File, LibrarySnapshot? Snapshot)
{
    public static DocumentContext Create(string uri, SourceText source, LibrarySnapshot? snapshot) =>
        new(uri, source, IndexedFile.Create(snapshot?.Root ?? Path.GetDirectoryName(source.Path) ?? "/", source), snapshot);

    public LibraryIndex? Index => Snapshot?.Index;

    /// <summary>The URI of a file of the library: the client's own spelling when it is this document.</summary>
    public string UriOf(string path) => path == Source.Path ? Uri : DocumentUri.FromPath(path);
}
