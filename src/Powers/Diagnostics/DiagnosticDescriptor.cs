namespace Powers.Diagnostics;

/// <summary>One entry of the diagnostic catalogue: a stable id, a severity and a message format.</summary>
/// <param name="Id">The stable id, e.g. <c>PWR0201</c>. Never reused.</param>
/// <param name="Title">A short title, used by SARIF rule metadata.</param>
/// <param name="MessageFormat">A composite format string for <see cref="string.Format(IFormatProvider, string, object[])"/>.</param>
/// <param name="Severity">The default severity.</param>
public sealed record DiagnosticDescriptor(string Id, string Title, string MessageFormat, DiagnosticSeverity Severity);
