namespace Powers.LanguageServer.Protocol;

/// <summary>LSP CompletionOptions.</summary>
internal sealed record CompletionOptions(IReadOnlyList<string> TriggerCharacters);
