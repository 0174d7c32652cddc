using System.Text.Json;

namespace Powers.LanguageServer.Protocol;

/// <summary>
/// LSP Diagnostic; Code is the PWR id, Severity 1 error, 2 warning, 3 information. Data is what a quick fix needs
/// (<see cref="SuggestionData"/>), and comes back from the client in a code action request as it was sent.
/// </summary>
internal sealed record LspDiagnostic(
    LspRange Range,
    int Severity,
    string Code,
    string Source,
    string Message,
    IReadOnlyList<DiagnosticRelatedInformation>? RelatedInformation = null,
    JsonElement? Data = null);
