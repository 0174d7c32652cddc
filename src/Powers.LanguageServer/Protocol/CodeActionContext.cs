namespace Powers.LanguageServer.Protocol;

/// <summary>LSP CodeActionContext: the diagnostics at the range.</summary>
internal sealed record CodeActionContext(IReadOnlyList<LspDiagnostic>? Diagnostics);
