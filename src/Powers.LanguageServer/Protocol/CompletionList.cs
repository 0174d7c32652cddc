namespace Powers.LanguageServer.Protocol;

/// <summary>The result of textDocument/completion.</summary>
internal sealed record CompletionList(bool IsIncomplete, IReadOnlyList<CompletionItem> Items);
