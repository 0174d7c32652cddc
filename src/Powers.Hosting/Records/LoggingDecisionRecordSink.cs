using Microsoft.Extensions.Logging;

namespace Powers.Hosting;

/// <summary>Writes each decision record to the log as one line of JSON (event id 1100, <c>DecisionRecorded</c>).</summary>
public sealed class LoggingDecisionRecordSink : IDecisionRecordSink
{
    private readonly ILogger _logger;

    /// <summary>Creates the sink.</summary>
    public LoggingDecisionRecordSink(ILogger<LoggingDecisionRecordSink> logger)
    {
        ArgumentNullException.ThrowIfNull(logger);
        _logger = logger;
    }

    /// <inheritdoc />
    public void Write(DecisionRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (_logger.IsEnabled(LogLevel.Information))
        {
            string json = record.ToJson();
            PowersLog.DecisionRecorded(_logger, record.DecisionId, json);
        }
    }
}
