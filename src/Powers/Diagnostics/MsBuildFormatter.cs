namespace Powers.Diagnostics;

/// <summary>Prints diagnostics the way MSBuild and every IDE read them.</summary>
public static class MsBuildFormatter
{
    /// <summary><c>rules/a.json(42,17): error PWR0201: Unknown fact 'x'; did you mean 'y'?</c></summary>
    public static string Format(Diagnostic diagnostic)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        string severity = SeverityName(diagnostic.Severity);
        if (diagnostic.Location is { } location)
        {
            var start = location.Start;
            return $"{location.Path}({start.Line},{start.Column}): {severity} {diagnostic.Id}: {diagnostic.Message}";
        }

        return $"{severity} {diagnostic.Id}: {diagnostic.Message}";
    }

    /// <summary>The lower-case severity word: <c>error</c>, <c>warning</c> or <c>info</c>.</summary>
    public static string SeverityName(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        _ => "info",
    };
}
