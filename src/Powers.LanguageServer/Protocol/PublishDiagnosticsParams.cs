namespace Powers.LanguageServer.Protocol;

/// <summary>Parameters of textDocument/publishDiagnostics.</summary>
internal sealed record PublishDiagnosticsParams(string Uri, int? Version, IReadOnlyList<LspDiagnostic> Diagnostics);
