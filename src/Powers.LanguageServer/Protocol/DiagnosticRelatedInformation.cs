namespace Powers.LanguageServer.Protocol;

/// <summary>LSP DiagnosticRelatedInformation: another place that explains a diagnostic.</summary>
internal sealed record DiagnosticRelatedInformation(LspLocation Location, string Message);
