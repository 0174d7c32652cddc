namespace Powers.LanguageServer.Protocol;

/// <summary>One change: a range and its new text, or the whole text when Range is null.</summary>
internal sealed record TextDocumentContentChangeEvent(LspRange? Range, string Text);
