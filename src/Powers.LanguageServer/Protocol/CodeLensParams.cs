namespace Powers.LanguageServer.Protocol;

/// <summary>Parameters of textDocument/codeLens.</summary>
internal sealed record CodeLensParams(TextDocumentIdentifier TextDocument);
