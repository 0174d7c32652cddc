using Powers.Model;

namespace Powers.Compilation;

/// <summary>The result of one golden case.</summary>
/// <param name="Case">The case.</param>
/// <param name="Failures">What differed from the expectation; empty when it passed.</param>
internal sealed record GoldenCaseResult(GoldenCase Case, IReadOnlyList<string> Failures)
{
    /// <summary>Whether the case passed.</summary>
    public bool Passed => Failures.Count == 0;
}
