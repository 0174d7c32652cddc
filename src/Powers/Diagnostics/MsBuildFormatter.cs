namespace Powers.Diagnostics;

/// <summary>
/// Prints diagnostics the way MSBuild and every IDE read them, one line each: control characters from paths and
/// author text are escaped (<see cref="Text.ControlCharacters"/>), so no diagnostic can print a second, forged line.
/// </summary>
public static class MsBuildFormatter
{
    /// <summary><c>rules/a.json(42,17): error PWR0201: Unknown fact 'x'; did you mean 'y'?</c></summary>
    public static string Format(Diagnostic diagnostic)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        string severity = SeverityName(diagnostic.Severity);
        if (diagnostic.Location is { } location)
        {
            return Text.ControlCharacters.Escape($"{location}: {severity} {diagnostic.Id}: {diagnostic.Message}");
        }

        return Text.ControlCharacters.Escape($"{severity} {diagnostic.Id}: {diagnostic.Message}");
    }

    /// <summary>The lower-case severity word: <c>error</c>, <c>warning</c> or <c>info</c>.</summary>
    public static string SeverityName(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        _ => "info",
    };
}
