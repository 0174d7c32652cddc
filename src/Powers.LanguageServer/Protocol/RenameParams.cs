namespace Powers.LanguageServer.Protocol;

/// <summary>Parameters of textDocument/rename.</summary>
internal sealed record RenameParams(TextDocumentIdentifier TextDocument, LspPosition Position, string? NewName);
