namespace Powers.LanguageServer.Protocol;

/// <summary>LSP SemanticTokensLegend: the names the token type and modifier numbers stand for.</summary>
internal sealed record SemanticTokensLegend(IReadOnlyList<string> TokenTypes, IReadOnlyList<string> TokenModifiers);
