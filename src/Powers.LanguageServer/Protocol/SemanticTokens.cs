namespace Powers.LanguageServer.Protocol;

/// <summary>The result of textDocument/semanticTokens/full: five integers per token, relative to the previous one.</summary>
internal sealed record SemanticTokens(IReadOnlyList<int> Data);
