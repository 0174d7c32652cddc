namespace Powers.LanguageServer.Protocol;

/// <summary>Parameters of textDocument/documentSymbol.</summary>
internal sealed record DocumentSymbolParams(TextDocumentIdentifier TextDocument);
