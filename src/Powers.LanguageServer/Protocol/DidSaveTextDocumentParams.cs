namespace Powers.LanguageServer.Protocol;

/// <summary>Parameters of textDocument/didSave.</summary>
internal sealed record DidSaveTextDocumentParams(TextDocumentIdentifier TextDocument);
