namespace Powers.LanguageServer.Protocol;

/// <summary>LSP WorkspaceFolder.</summary>
internal sealed record WorkspaceFolder(string Uri, string Name);
