namespace Powers.Analysis;

/// <summary>
/// One analysis's running use of an <see cref="AnalysisBudget"/>. The clock and the token are read every 1,024 steps
/// (a step is microseconds), so metering costs nothing measurable. Once a limit is hit it stays hit.
/// </summary>
internal sealed class AnalysisMeter
{
    private readonly AnalysisBudget _budget;
    private readonly long _start;
    private long _steps;

    public AnalysisMeter(AnalysisBudget budget)
    {
        _budget = budget;
        _start = budget.TimeProvider.GetTimestamp();
    }

    /// <summary>The power being analysed, for the stop reason.</summary>
    public string Power { get; set; } = string.Empty;

    /// <summary>Situation classes visited so far.</summary>
    public long Steps => _steps;

    /// <summary>Why the analysis must stop, or null while it may go on.</summary>
    public AnalysisStop? Stopped { get; private set; }

    /// <summary>Counts one step; false once any limit is reached.</summary>
    public bool Step()
    {
        if (Stopped is not null)
        {
            return false;
        }

        if (++_steps > _budget.MaxSteps)
        {
            return Stop(AnalysisLimit.Steps);
        }

        if ((_steps & 1023) == 0)
        {
            if (_budget.CancellationToken.IsCancellationRequested)
            {
                return Stop(AnalysisLimit.Cancelled);
            }

            if (_budget.TimeLimit != Timeout.InfiniteTimeSpan && Elapsed > _budget.TimeLimit)
            {
                return Stop(AnalysisLimit.Time);
            }
        }

        return true;
    }

    /// <summary>Whether <paramref name="cases"/> cases may be kept; false (and stopped) beyond the budget.</summary>
    public bool Keep(long cases) => Stopped is null && (cases <= _budget.MaxCases || Stop(AnalysisLimit.Cases));

    private TimeSpan Elapsed => _budget.TimeProvider.GetElapsedTime(_start);

    private bool Stop(AnalysisLimit limit)
    {
        Stopped = new AnalysisStop(limit, Power, Math.Min(_steps, _budget.MaxSteps), Elapsed);
        return false;
    }
}
