namespace Powers.LanguageServer.Protocol;

/// <summary>LSP Diagnostic; Code is the PWR id, Severity 1 error, 2 warning, 3 information.</summary>
internal sealed record LspDiagnostic(LspRange Range, int Severity, string Code, string Source, string Message, IReadOnlyList<DiagnosticRelatedInformation>? RelatedInformation = null);
