namespace Powers.LanguageServer.Protocol;

/// <summary>LSP CodeLensOptions.</summary>
internal sealed record CodeLensOptions(bool ResolveProvider);
