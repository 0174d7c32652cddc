using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Powers.Hosting.Telemetry;

namespace Powers.Hosting;

/// <summary>Hands each decision record to every registered sink; a failing sink is logged and skipped.</summary>
internal sealed class DecisionRecorder
{
    private readonly IDecisionRecordSink[] _sinks;
    private readonly ILogger _logger;
    private readonly PowersMetrics _metrics;

    public DecisionRecorder(IOptions<PowersOptions> options, IEnumerable<IDecisionRecordSink> sinks, ILogger<DecisionRecorder> logger, PowersMetrics metrics)
    {
        _metrics = metrics;
        Enabled = options.Value.RecordDecisions;
        _sinks = Enabled ? sinks.ToArray() : [];
        _logger = logger;
    }

    /// <summary>Whether decisions are recorded.</summary>
    public bool Enabled { get; }

    /// <summary>Writes a record to every sink.</summary>
    public void Record(DecisionRecord record)
    {
        foreach (var sink in _sinks)
        {
            try
            {
                sink.Write(record);
                _metrics.RecordWritten(sink.GetType().Name);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                _metrics.RecordFailed(sink.GetType().Name);
                PowersLog.DecisionRecordFailed(_logger, e, record.DecisionId, sink.GetType().Name);
            }
        }
    }
}
