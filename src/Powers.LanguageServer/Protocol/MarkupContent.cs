namespace Powers.LanguageServer.Protocol;

/// <summary>LSP MarkupContent (markdown).</summary>
internal sealed record MarkupContent(string Kind, string Value);
