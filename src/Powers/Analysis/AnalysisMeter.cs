namespace Powers.Analysis;

/// <summary>
/// One analysis's running use of an <see cref="AnalysisBudget"/>. The clock and the budget's token are read every 1,024
/// steps of the whole call (a step is microseconds), so metering costs nothing measurable and an analysis that needs
/// fewer steps never stops on time; the caller's token (an explanation's) every 64. Steps count from
/// <see cref="Restart"/> (one power's residual) or from the start; once time or cancellation is hit it stays hit. Not
/// thread-safe: one per call.
/// </summary>
internal sealed class AnalysisMeter
{
    private const int ClockEvery = 1024;
    private const int CallerTokenEvery = 64;

    private readonly CancellationToken _caller;
    private readonly long _start;
    private long _steps;
    private long _callSteps;

    /// <summary>Starts metering: the time limit runs from now.</summary>
    /// <param name="budget">The budget.</param>
    /// <param name="caller">
    /// A caller's cancellation that throws <see cref="OperationCanceledException"/> (an explanation asked for by a request
    /// that went away), where the budget's own token stops the analysis with a reason.
    /// </param>
    public AnalysisMeter(AnalysisBudget budget, CancellationToken caller = default)
    {
        Budget = budget;
        _caller = caller;
        _start = budget.TimeProvider.GetTimestamp();
    }

    /// <summary>The budget metered.</summary>
    public AnalysisBudget Budget { get; }

    /// <summary>The power being analysed, for the stop reason.</summary>
    public string Power { get; set; } = string.Empty;

    /// <summary>Steps taken since the start or the last <see cref="Restart"/>.</summary>
    public long Steps => _steps;

    /// <summary>Why the analysis must stop, or null while it may go on.</summary>
    public AnalysisStop? Stopped { get; private set; }

    /// <summary>
    /// Starts a new piece of work (one power's residual): its steps count from zero, and a stop on steps is forgotten;
    /// the call's time limit keeps running, and a stop on time or cancellation stays.
    /// </summary>
    public void Restart()
    {
        _steps = 0;
        if (Stopped is { Limit: AnalysisLimit.Steps or AnalysisLimit.Cases })
        {
            Stopped = null;
        }
    }

    /// <summary>
    /// Counts one step; false once any limit is reached (and from then on). Throws
    /// <see cref="OperationCanceledException"/> when the caller's token was cancelled.
    /// </summary>
    public bool Step()
    {
        if (Stopped is not null)
        {
            return false;
        }

        if (++_steps > Budget.MaxSteps)
        {
            return Stop(AnalysisLimit.Steps);
        }

        if (++_callSteps % CallerTokenEvery == 1)
        {
            _caller.ThrowIfCancellationRequested();
        }

        if (_callSteps % ClockEvery == 0)
        {
            if (Budget.CancellationToken.IsCancellationRequested)
            {
                return Stop(AnalysisLimit.Cancelled);
            }

            if (Budget.TimeLimit != Timeout.InfiniteTimeSpan && Elapsed > Budget.TimeLimit)
            {
                return Stop(AnalysisLimit.Time);
            }
        }

        return true;
    }

    /// <summary>Whether <paramref name="cases"/> cases may be kept; false (and stopped) beyond the budget.</summary>
    public bool Keep(long cases) => Stopped is null && (cases <= Budget.MaxCases || Stop(AnalysisLimit.Cases));

    private TimeSpan Elapsed => Budget.TimeProvider.GetElapsedTime(_start);

    private bool Stop(AnalysisLimit limit)
    {
        Stopped = new AnalysisStop(limit, Power, Math.Min(_steps, Budget.MaxSteps), Elapsed);
        return false;
    }
}
