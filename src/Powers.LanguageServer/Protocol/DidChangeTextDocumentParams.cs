namespace Powers.LanguageServer.Protocol;

/// <summary>Parameters of textDocument/didChange.</summary>
internal sealed record DidChangeTextDocumentParams(VersionedTextDocumentIdentifier TextDocument, IReadOnlyList<TextDocumentContentChangeEvent> ContentChanges);
