using Powers.Analysis;

namespace Powers.Properties.Tests.Support;

/// <summary>
/// What one analysis in a property may spend: counted in situation classes and kept cases, never in time, so a
/// property gives the same answer on a loaded machine as on an idle one. A generated case past it is an honest
/// "too large" (checked for what it can say), not a failure and not a hang.
/// </summary>
public static class PropertyBudgets
{
    /// <summary>
    /// 300,000 situation classes (a few seconds on the loaded 2-core machine at worst) and 20,000 kept cases (a few MB).
    /// Of 2,700 generated power diffs, the slowest took 2 million classes before the search got its class merging.
    /// </summary>
    public static AnalysisBudget Analysis { get; } = new() { MaxSteps = 300_000, MaxCases = 20_000, TimeLimit = Timeout.InfiniteTimeSpan };
}
