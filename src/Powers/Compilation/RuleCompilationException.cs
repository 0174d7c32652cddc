using Powers.Diagnostics;

namespace Powers.Compilation;

/// <summary>Thrown only on request (<see cref="CompilationResult.ThrowIfFailed"/>) when a rule library has errors.</summary>
public sealed class RuleCompilationException : Exception
{
    /// <summary>Creates the exception with the diagnostics.</summary>
    public RuleCompilationException(IReadOnlyList<Diagnostic> diagnostics)
        : base(Describe(diagnostics)) => Diagnostics = diagnostics;

    /// <summary>Creates the exception with a message.</summary>
    public RuleCompilationException()
        : this([])
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public RuleCompilationException(string message)
        : base(message) => Diagnostics = [];

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    public RuleCompilationException(string message, Exception innerException)
        : base(message, innerException) => Diagnostics = [];

    /// <summary>Every diagnostic of the compilation.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    private static string Describe(IReadOnlyList<Diagnostic> diagnostics)
    {
        var errors = diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        return "The rule library has " + errors.Count + " error(s):" + Environment.NewLine + string.Join(Environment.NewLine, errors.Select(d => d.ToString()));
    }
}
