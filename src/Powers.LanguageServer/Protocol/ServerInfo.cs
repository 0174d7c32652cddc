namespace Powers.LanguageServer.Protocol;

/// <summary>LSP ServerInfo.</summary>
internal sealed record ServerInfo(string Name, string? Version);
