using Powers.Analysis;

namespace Powers.Cli.Output;

/// <summary>How far the tool searches for <c>permittedIf</c> when it explains.</summary>
internal static class CliBudget
{
    /// <summary>
    /// The explanation's steps per power (<see cref="AnalysisBudget.Explanation"/>) without its time limit: the steps
    /// bound the work, and without a clock the same query prints the same text on a loaded machine as on an idle one.
    /// </summary>
    public static AnalysisBudget Explanation { get; } = new() { MaxSteps = AnalysisBudget.Explanation.MaxSteps, TimeLimit = Timeout.InfiniteTimeSpan };
}
