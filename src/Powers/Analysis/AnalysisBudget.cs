namespace Powers.Analysis;

/// <summary>
/// How much an exhaustive analysis (verify, diff, a residual) may spend before it stops and says so, instead of
/// running out of memory or time: steps (situation classes visited, <see cref="MaxSteps"/>), cases kept for the answer
/// (<see cref="MaxCases"/>, which bounds memory), wall time on <see cref="TimeProvider"/> (<see cref="TimeLimit"/>),
/// and <see cref="CancellationToken"/>. A budget is a value; each analysis meters its own use of it. Verify and diff
/// count steps over the whole analysis; an explanation (<see cref="Decisions.Decision.Explain"/>) counts them per
/// power, so every residual stops at the same place on any machine, and its time limit covers the whole call.
/// </summary>
public sealed class AnalysisBudget
{
    private readonly long _maxSteps = 20_000_000;
    private readonly int _maxCases = 100_000;
    private readonly TimeSpan _timeLimit = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The budget <c>powers verify</c> and <c>powers diff</c> use: 20 million situation classes, 100,000 cases kept
    /// (about 50 MB), 30 seconds. The shipped library's whole verify visits under 100,000 classes.
    /// </summary>
    public static AnalysisBudget Default { get; } = new();

    /// <summary>
    /// The budget of an explanation (<c>permittedIf</c> at full detail): 4,000 steps per residual (a few
    /// milliseconds) and one second per call. No residual of the shipped library needs 50 steps; one that needs
    /// thousands compares whole-number facts with each other (compiler warning PWR0211). The time limit is the guard
    /// for a decision with many such powers; a search stopped by time, unlike one stopped by steps, may not stop at the
    /// same place twice.
    /// </summary>
    public static AnalysisBudget Explanation { get; } = new() { MaxSteps = 4_000, TimeLimit = TimeSpan.FromSeconds(1) };

    /// <summary>No limit but the cancellation token's: for a tool that must finish, or a test comparing answers.</summary>
    public static AnalysisBudget Unlimited { get; } = new() { MaxSteps = long.MaxValue, MaxCases = int.MaxValue, TimeLimit = Timeout.InfiniteTimeSpan };

    /// <summary>The most steps (situation classes visited) to take; at least 1.</summary>
    public long MaxSteps
    {
        get => _maxSteps;
        init => _maxSteps = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "An analysis budget needs at least one step.");
    }

    /// <summary>The most cases (cubes of situations) to keep for the answer at once; at least 1.</summary>
    public int MaxCases
    {
        get => _maxCases;
        init => _maxCases = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "An analysis budget needs room for at least one case.");
    }

    /// <summary>
    /// The longest the analysis (for an explanation: the whole call) may run; <see cref="Timeout.InfiniteTimeSpan"/> for
    /// no limit. The clock is read every 1,024 steps, so an analysis that needs fewer is never stopped by time, however
    /// loaded the machine; zero stops at the first reading.
    /// </summary>
    public TimeSpan TimeLimit
    {
        get => _timeLimit;
        init => _timeLimit = value >= TimeSpan.Zero || value == Timeout.InfiniteTimeSpan ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "A time limit is zero or more, or Timeout.InfiniteTimeSpan.");
    }

    /// <summary>The clock <see cref="TimeLimit"/> is measured on.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Stops the analysis when cancelled (it then reports <see cref="AnalysisLimit.Cancelled"/>, never throws).</summary>
    public CancellationToken CancellationToken { get; init; }
}
