using Powers.Model;

namespace Powers.Analysis;

/// <summary>The verdict on one assertion: proved, refuted, or (when its budget ran out) neither.</summary>
/// <param name="Assertion">The assertion.</param>
/// <param name="Counterexample">A situation that breaks it, or null when it is proved.</param>
/// <param name="Plans">How many (version, designation, date class) combinations were checked.</param>
/// <param name="Leaves">How many classes of situations the pruned enumeration visited.</param>
internal sealed record AssertionResult(Assertion Assertion, Counterexample? Counterexample, int Plans, long Leaves)
{
    /// <summary>Why the search stopped before it could prove or refute the assertion, or null when it finished.</summary>
    public AnalysisStop? Stopped { get; init; }

    /// <summary>Whether it holds in every situation.</summary>
    public bool Proved => Counterexample is null && Stopped is null;

    /// <summary>Whether a situation breaks it.</summary>
    public bool Refuted => Counterexample is not null;
}
