namespace Powers.Hosting;

/// <summary>
/// The stable names of what Powers.Hosting reports through <c>System.Diagnostics.Metrics</c> and
/// <c>System.Diagnostics.ActivitySource</c> (listed with their tags in docs/embedding.md). Powers depends on no
/// exporter: an application subscribes by these names, for example with OpenTelemetry's
/// <c>AddMeter(PowersTelemetry.MeterName)</c> and <c>AddSource(PowersTelemetry.ActivitySourceName)</c>.
/// </summary>
public static class PowersTelemetry
{
    /// <summary>The name of the meter: <c>Powers.Hosting</c>.</summary>
    public const string MeterName = "Powers.Hosting";

    /// <summary>The name of the activity source: <c>Powers.Hosting</c>.</summary>
    public const string ActivitySourceName = "Powers.Hosting";

    /// <summary>Counter of queries answered, tagged <c>powers.result</c> (<c>decided</c>, <c>bad-input</c>, <c>not-recorded</c>: withheld because a sink could not record it; <c>cancelled</c>: a <c>DecideAsync</c> caller stopped waiting for its record).</summary>
    public const string Decisions = "powers.decisions";

    /// <summary>Counter of power outcomes in decided queries, tagged <c>powers.power</c>, <c>powers.outcome</c> and <c>powers.confidence</c>.</summary>
    public const string PowerOutcomes = "powers.power.outcomes";

    /// <summary>Histogram of the time to read, decide and record one query, in seconds, tagged <c>powers.result</c>.</summary>
    public const string DecisionDuration = "powers.decision.duration";

    /// <summary>Counter of reload attempts, tagged <c>powers.reload.result</c> (<c>swapped</c>, <c>unchanged</c>, <c>failed</c>, <c>superseded</c>).</summary>
    public const string Reloads = "powers.reloads";

    /// <summary>Counter of reload attempts that failed (unreadable files, compile errors, or a crash); the same attempts as <c>powers.reloads</c> with <c>powers.reload.result=failed</c>.</summary>
    public const string ReloadFailures = "powers.reload.failures";

    /// <summary>Counter of decision records a sink accepted, tagged <c>powers.sink</c>.</summary>
    public const string RecordsWritten = "powers.records.written";

    /// <summary>Counter of decision records a sink failed to write, tagged <c>powers.sink</c>.</summary>
    public const string RecordsFailed = "powers.records.failed";

    /// <summary>Gauge of the generation of the library in service (1 at start, one more for each reload that swapped a library in).</summary>
    public const string LibraryGeneration = "powers.library.generation";

    /// <summary>The activity of one query: read, decide and record.</summary>
    public const string DecideActivity = "powers.decide";

    /// <summary>The activity of one reload attempt.</summary>
    public const string ReloadActivity = "powers.reload";
}
