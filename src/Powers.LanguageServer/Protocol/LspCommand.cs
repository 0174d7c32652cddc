namespace Powers.LanguageServer.Protocol;

/// <summary>LSP Command: a title and a command id the client runs.</summary>
internal sealed record LspCommand(string Title, string Command, IReadOnlyList<object>? Arguments = null);
