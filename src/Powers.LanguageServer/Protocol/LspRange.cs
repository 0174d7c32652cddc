namespace Powers.LanguageServer.Protocol;

/// <summary>LSP Range: start inclusive, end exclusive.</summary>
internal sealed record LspRange(LspPosition Start, LspPosition End);
