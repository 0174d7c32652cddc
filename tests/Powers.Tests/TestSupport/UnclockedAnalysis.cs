using Powers.Analysis;
using Powers.Planning;

namespace Powers.Tests.TestSupport;

/// <summary>
/// Analyses of the shipped library bounded by work only: <see cref="AnalysisBudget.Default"/>'s 30 s is wall time,
/// which a loaded 2-core machine outruns (CI, load 22: an assertion that takes 0.3 s of CPU stopped "out of time").
/// The step and case limits stay, so a runaway analysis still stops; only the clock is taken away.
/// </summary>
internal static class UnclockedAnalysis
{
    public static AnalysisBudget Budget { get; } = new() { TimeLimit = Timeout.InfiniteTimeSpan };

    /// <summary>The changes of <see cref="OutcomeDiffer.Compare"/>, failing the test when the comparison stopped.</summary>
    public static IReadOnlyList<OutcomeChange> Diff(DecisionPlan from, DecisionPlan to, string? onlyPower = null)
    {
        var diff = OutcomeDiffer.Compare(from, to, onlyPower, Budget);
        Assert.True(diff.Stopped is null, "the comparison stopped: " + diff.Stopped?.Message);
        return diff.Changes;
    }
}
