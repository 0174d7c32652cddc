namespace Powers.LanguageServer.Protocol;

/// <summary>Parameters of textDocument/semanticTokens/full.</summary>
internal sealed record SemanticTokensParams(TextDocumentIdentifier TextDocument);
