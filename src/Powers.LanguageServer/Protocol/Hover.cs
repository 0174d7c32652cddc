namespace Powers.LanguageServer.Protocol;

/// <summary>The result of textDocument/hover.</summary>
internal sealed record Hover(MarkupContent Contents, LspRange? Range);
