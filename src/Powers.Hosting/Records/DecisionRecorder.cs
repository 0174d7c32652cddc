using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Powers.Hosting;

/// <summary>Hands each decision record to every registered sink; a failing sink is logged and skipped.</summary>
internal sealed class DecisionRecorder
{
    private readonly IDecisionRecordSink[] _sinks;
    private readonly ILogger _logger;

    public DecisionRecorder(IOptions<PowersOptions> options, IEnumerable<IDecisionRecordSink> sinks, ILogger<DecisionRecorder> logger)
    {
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
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                PowersLog.DecisionRecordFailed(_logger, e, record.DecisionId, sink.GetType().Name);
            }
        }
    }
}
