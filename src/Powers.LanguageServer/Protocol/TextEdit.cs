namespace Powers.LanguageServer.Protocol;

/// <summary>LSP TextEdit.</summary>
internal sealed record TextEdit(LspRange Range, string NewText);
