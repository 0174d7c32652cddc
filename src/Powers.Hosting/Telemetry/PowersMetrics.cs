using System.Diagnostics;
using System.Diagnostics.Metrics;
using Powers.Decisions;
using Powers.Hosting.Reloading;
using Powers.Model;

namespace Powers.Hosting.Telemetry;

/// <summary>
/// The instruments of docs/embedding.md, on a meter from the host's <see cref="IMeterFactory"/> (so each
/// service provider has its own meter, and a test can listen to one host only). Every method is cheap when no
/// one listens: an instrument without a listener ignores <c>Add</c> and <c>Record</c>.
/// </summary>
internal sealed class PowersMetrics
{
    // Decisions take microseconds; the default OpenTelemetry buckets (0 to 10 s) would put all of them in the first.
    private static readonly double[] DurationBuckets = [0.000_005, 0.000_01, 0.000_025, 0.000_05, 0.000_1, 0.000_25, 0.000_5, 0.001, 0.002_5, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1];

    private readonly Counter<long> _decisions;
    private readonly Counter<long> _powerOutcomes;
    private readonly Histogram<double> _duration;
    private readonly Counter<long> _reloads;
    private readonly Counter<long> _reloadFailures;
    private readonly Counter<long> _recordsWritten;
    private readonly Counter<long> _recordsFailed;
    private int _generation;

    public PowersMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(PowersTelemetry.MeterName);
        _decisions = meter.CreateCounter<long>(PowersTelemetry.Decisions, "{decision}", "Queries answered, by result.");
        _powerOutcomes = meter.CreateCounter<long>(PowersTelemetry.PowerOutcomes, "{power}", "Power outcomes in decided queries, by power, outcome and confidence.");
        _duration = meter.CreateHistogram(
            PowersTelemetry.DecisionDuration,
            "s",
            "Time to read, decide and record one query.",
            tags: null,
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBuckets });
        _reloads = meter.CreateCounter<long>(PowersTelemetry.Reloads, "{reload}", "Reload attempts, by result.");
        _reloadFailures = meter.CreateCounter<long>(PowersTelemetry.ReloadFailures, "{reload}", "Reload attempts that failed.");
        _recordsWritten = meter.CreateCounter<long>(PowersTelemetry.RecordsWritten, "{record}", "Decision records a sink accepted.");
        _recordsFailed = meter.CreateCounter<long>(PowersTelemetry.RecordsFailed, "{record}", "Decision records a sink failed to write.");
        meter.CreateObservableGauge(PowersTelemetry.LibraryGeneration, () => Volatile.Read(ref _generation), "{generation}", "Generation of the library in service.");
    }

    /// <summary>A library was put in service.</summary>
    public void LibraryInService(PowersSnapshot snapshot) => Volatile.Write(ref _generation, snapshot.Generation);

    /// <summary>
    /// The timestamp a query starts at, or 0 when no one listens to the duration: reading the clock twice per query
    /// costs a tenth of a decision on the hosted path.
    /// </summary>
    public long Start(TimeProvider time) => _duration.Enabled ? time.GetTimestamp() : 0;

    /// <summary>One query was answered; <paramref name="decision"/> is null for bad input; <paramref name="started"/> is from <see cref="Start"/>.</summary>
    public void Answered(string result, Decision? decision, TimeProvider time, long started)
    {
        var resultTag = new KeyValuePair<string, object?>("powers.result", result);
        _decisions.Add(1, resultTag);
        if (started != 0)
        {
            // A query that started before anyone listened is not timed, rather than timed from zero.
            _duration.Record(time.GetElapsedTime(started).TotalSeconds, resultTag);
        }
        if (decision is null || !_powerOutcomes.Enabled)
        {
            return;
        }

        // Read from the compact result: the rich view (clauses, citations, residuals) is the caller's to build, if read.
        for (int p = 0; p < decision.Count; p++)
        {
            _powerOutcomes.Add(
                1,
                new KeyValuePair<string, object?>("powers.power", decision.PowerAt(p)),
                new KeyValuePair<string, object?>("powers.outcome", OutcomeNames.Name(decision.OutcomeAt(p))),
                new KeyValuePair<string, object?>("powers.confidence", decision.ConfidenceAt(p) == Confidence.Low ? "low" : "high"));
        }
    }

    /// <summary>One reload attempt ended.</summary>
    public void Reloaded(ReloadOutcome outcome)
    {
        _reloads.Add(1, new KeyValuePair<string, object?>("powers.reload.result", ResultName(outcome)));
        if (outcome is ReloadOutcome.Failed or ReloadOutcome.Rejected)
        {
            _reloadFailures.Add(1);
        }
    }

    /// <summary>A sink accepted a record.</summary>
    public void RecordWritten(string sink) => _recordsWritten.Add(1, new KeyValuePair<string, object?>("powers.sink", sink));

    /// <summary>A sink failed to write a record.</summary>
    public void RecordFailed(string sink) => _recordsFailed.Add(1, new KeyValuePair<string, object?>("powers.sink", sink));

    /// <summary>The name of a reload outcome, as in the <c>powers.reload.result</c> tag.</summary>
    public static string ResultName(ReloadOutcome outcome) => outcome switch
    {
        ReloadOutcome.Swapped => "swapped",
        ReloadOutcome.Unchanged => "unchanged",
        ReloadOutcome.Superseded => "superseded",
        ReloadOutcome.Rejected => "rejected",
        _ => "failed",
    };

    /// <summary>Tags an activity with the outcome of a reload.</summary>
    public static void Tag(Activity? activity, ReloadOutcome outcome)
    {
        if (activity is null)
        {
            return;
        }

        activity.SetTag("powers.reload.result", ResultName(outcome));
        if (outcome is ReloadOutcome.Failed or ReloadOutcome.Rejected)
        {
            activity.SetStatus(ActivityStatusCode.Error, "reload failed");
        }
    }
}
