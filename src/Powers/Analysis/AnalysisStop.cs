using System.Globalization;

namespace Powers.Analysis;

/// <summary>
/// Why an analysis stopped before it was complete: its answer is then unknown, never a guess.
/// </summary>
/// <param name="Limit">What ran out.</param>
/// <param name="Power">The power being analysed when it ran out.</param>
/// <param name="Steps">Situation classes visited by then.</param>
/// <param name="Elapsed">Time spent by then.</param>
internal sealed record AnalysisStop(AnalysisLimit Limit, string Power, long Steps, TimeSpan Elapsed)
{
    /// <summary>One line for a person: what ran out, where, and after how much.</summary>
    public string Message => Limit switch
    {
        AnalysisLimit.Steps => "more than " + Count(Steps) + " situation classes for power '" + Power + "'",
        AnalysisLimit.Cases => "more distinct cases than can be kept for power '" + Power + "' (after " + Count(Steps) + " situation classes)",
        AnalysisLimit.Time => "out of time for power '" + Power + "' (after " + Count(Steps) + " situation classes)",
        _ => "cancelled during power '" + Power + "' (after " + Count(Steps) + " situation classes)",
    };

    private static string Count(long n) => n.ToString("N0", CultureInfo.InvariantCulture);
}
