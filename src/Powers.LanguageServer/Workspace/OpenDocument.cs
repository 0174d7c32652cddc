using Powers.Text;

namespace Powers.LanguageServer.Workspace;

/// <summary>A document the client has open: its URI as the client spelled it, its path, version and text.</summary>
internal sealed record OpenDocument(string Uri, string Path, int Version, SourceText Text);
