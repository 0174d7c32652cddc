namespace Powers.LanguageServer.Protocol;

/// <summary>LSP SemanticTokensOptions: the legend, and whole-document tokens only.</summary>
internal sealed record SemanticTokensOptions(SemanticTokensLegend Legend, bool Full);
