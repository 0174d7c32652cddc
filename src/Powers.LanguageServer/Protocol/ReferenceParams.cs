namespace Powers.LanguageServer.Protocol;

/// <summary>Parameters of textDocument/references.</summary>
internal sealed record ReferenceParams(TextDocumentIdentifier TextDocument, LspPosition Position, ReferenceContext? Context);
