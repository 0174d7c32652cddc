namespace Powers.Analysis;

/// <summary>What <see cref="OutcomeDiffer.Compare"/> found.</summary>
/// <param name="Changes">Every change of every power compared, in catalogue order; when <see cref="Stopped"/> is set, those of the powers finished before it.</param>
/// <param name="Stopped">Why the comparison stopped before every power was compared (its answer is then incomplete), or null.</param>
internal sealed record OutcomeDiff(IReadOnlyList<OutcomeChange> Changes, AnalysisStop? Stopped)
{
    /// <summary>How many situation classes the search visited (its work, as the budget counts it).</summary>
    public long Steps { get; init; }

    /// <summary>Whether every power was compared.</summary>
    public bool Complete => Stopped is null;
}
