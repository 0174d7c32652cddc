namespace Powers.LanguageServer.Protocol;

/// <summary>LSP CodeAction (a quick fix with its edit).</summary>
internal sealed record CodeAction(string Title, string Kind, WorkspaceEdit Edit, IReadOnlyList<LspDiagnostic>? Diagnostics = null, bool? IsPreferred = null);
