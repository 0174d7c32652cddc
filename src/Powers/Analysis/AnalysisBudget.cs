namespace Powers.Analysis;

/// <summary>
/// How much an exhaustive analysis (verify, diff, a residual) may spend before it stops and says so, instead of
/// running out of memory or time: situation classes visited (<see cref="MaxSteps"/>), cases kept for the answer
/// (<see cref="MaxCases"/>, which bounds memory), wall time on <see cref="TimeProvider"/> (<see cref="TimeLimit"/>),
/// and the caller's <see cref="CancellationToken"/>. A budget is a value; each analysis meters its own use of it.
/// </summary>
public sealed class AnalysisBudget
{
    /// <summary>
    /// The budget <c>powers verify</c> and <c>powers diff</c> use: 20 million situation classes, 100,000 cases kept
    /// (about 50 MB), 30 seconds. The shipped library's whole verify visits under 100,000 classes.
    /// </summary>
    public static AnalysisBudget Default { get; } = new();

    /// <summary>The most situation classes (search nodes) to visit.</summary>
    public long MaxSteps { get; init; } = 20_000_000;

    /// <summary>The most cases (cubes of situations) to keep for the answer at once.</summary>
    public int MaxCases { get; init; } = 100_000;

    /// <summary>The longest the analysis may run; <see cref="Timeout.InfiniteTimeSpan"/> for no limit.</summary>
    public TimeSpan TimeLimit { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The clock <see cref="TimeLimit"/> is measured on.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Stops the analysis when cancelled (it then reports <see cref="AnalysisLimit.Cancelled"/>, never throws).</summary>
    public CancellationToken CancellationToken { get; init; }
}
