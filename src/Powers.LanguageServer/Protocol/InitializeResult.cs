namespace Powers.LanguageServer.Protocol;

/// <summary>The result of initialize.</summary>
internal sealed record InitializeResult(ServerCapabilities Capabilities, ServerInfo ServerInfo);
