namespace Powers.LanguageServer.Protocol;

/// <summary>LSP SaveOptions.</summary>
internal sealed record SaveOptions(bool IncludeText);
