namespace Powers.Diagnostics;

/// <summary>One entry of the diagnostic catalogue: a stable id, a severity and a message format.</summary>
public sealed class DiagnosticDescriptor
{
    internal DiagnosticDescriptor(string id, string title, string messageFormat, DiagnosticSeverity severity)
    {
        Id = id;
        Title = title;
        MessageFormat = messageFormat;
        Severity = severity;
    }

    /// <summary>The stable id, e.g. <c>PWR0201</c>. Never reused.</summary>
    public string Id { get; }

    /// <summary>A short title, used by SARIF rule metadata.</summary>
    public string Title { get; }

    /// <summary>A composite format string for <see cref="string.Format(IFormatProvider, string, object[])"/>.</summary>
    public string MessageFormat { get; }

    /// <summary>The default severity.</summary>
    public DiagnosticSeverity Severity { get; }
}
