namespace Powers.LanguageServer.Protocol;

/// <summary>LSP Position: zero-based line and UTF-16 character offset.</summary>
internal sealed record LspPosition(int Line, int Character);
