namespace Powers.LanguageServer.Protocol;

/// <summary>LSP TextDocumentIdentifier.</summary>
internal sealed record TextDocumentIdentifier(string Uri);
