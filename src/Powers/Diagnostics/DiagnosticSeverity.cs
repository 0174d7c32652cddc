namespace Powers.Diagnostics;

/// <summary>How serious a diagnostic is. Only errors make a compilation fail.</summary>
public enum DiagnosticSeverity
{
    /// <summary>Information for a reviewer, such as a low-confidence clause.</summary>
    Info,

    /// <summary>Probably a mistake, but the library still compiles.</summary>
    Warning,

    /// <summary>A mistake: the library does not compile.</summary>
    Error,
}
