namespace Powers.LanguageServer.Protocol;

/// <summary>LSP CodeLens.</summary>
internal sealed record CodeLens(LspRange Range, LspCommand? Command);
