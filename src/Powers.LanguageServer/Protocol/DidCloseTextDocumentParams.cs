namespace Powers.LanguageServer.Protocol;

/// <summary>Parameters of textDocument/didClose.</summary>
internal sealed record DidCloseTextDocumentParams(TextDocumentIdentifier TextDocument);
