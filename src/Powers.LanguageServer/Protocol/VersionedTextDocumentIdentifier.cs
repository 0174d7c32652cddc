namespace Powers.LanguageServer.Protocol;

/// <summary>LSP VersionedTextDocumentIdentifier.</summary>
internal sealed record VersionedTextDocumentIdentifier(string Uri, int Version);
