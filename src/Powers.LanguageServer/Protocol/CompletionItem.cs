namespace Powers.LanguageServer.Protocol;

/// <summary>LSP CompletionItem; Kind uses the LSP CompletionItemKind numbers.</summary>
internal sealed record CompletionItem(string Label, int Kind, string? Detail = null, MarkupContent? Documentation = null, TextEdit? TextEdit = null, string? SortText = null);
