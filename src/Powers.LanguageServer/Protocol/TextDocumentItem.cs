namespace Powers.LanguageServer.Protocol;

/// <summary>LSP TextDocumentItem: an opened document with its text.</summary>
internal sealed record TextDocumentItem(string Uri, string LanguageId, int Version, string Text);
