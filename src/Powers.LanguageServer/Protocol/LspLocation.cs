namespace Powers.LanguageServer.Protocol;

/// <summary>LSP Location: a range in a document.</summary>
internal sealed record LspLocation(string Uri, LspRange Range);
