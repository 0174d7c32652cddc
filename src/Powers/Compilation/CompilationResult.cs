using Powers.Diagnostics;
using Powers.Model;

namespace Powers.Compilation;

/// <summary>The result of compiling a rule library: every diagnostic, and the library when there are no errors.</summary>
public sealed class CompilationResult
{
    internal CompilationResult(IReadOnlyList<Diagnostic> diagnostics, RuleLibrary? library)
    {
        Diagnostics = diagnostics;
        Success = !diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error) && library is not null;
        Library = Success ? library : null;
    }

    /// <summary>Every diagnostic, sorted by file and position.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>Whether the library compiled without errors.</summary>
    public bool Success { get; }

    /// <summary>The library, or null when there were errors.</summary>
    public RuleLibrary? Library { get; }

    /// <summary>The library, or a <see cref="RuleCompilationException"/> listing every error.</summary>
    public RuleLibrary ThrowIfFailed() => Library ?? throw new RuleCompilationException(Diagnostics);
}
