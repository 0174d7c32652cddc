using Microsoft.Extensions.Logging;

namespace Powers.Hosting;

/// <summary>
/// Writes each decision record to the log as one line of JSON (event id 1100, <c>DecisionRecorded</c>). A record
/// counts as recorded once handed to the logger; what a log provider does with it after that (buffering, dropping)
/// is outside Powers, so use the NDJSON file or your own sink where records must survive. When the log does not
/// take Information events of this category, nothing could be recorded, so start-up and every decision fail.
/// </summary>
public sealed class LoggingDecisionRecordSink : IDecisionRecordSink
{
    private readonly ILogger _logger;

    /// <summary>Creates the sink.</summary>
    public LoggingDecisionRecordSink(ILogger<LoggingDecisionRecordSink> logger)
    {
        ArgumentNullException.ThrowIfNull(logger);
        _logger = logger;
    }

    /// <summary>Throws when the log does not take Information events of this category.</summary>
    public void Open()
    {
        if (!_logger.IsEnabled(LogLevel.Information))
        {
            throw new InvalidOperationException(Disabled);
        }
    }

    /// <inheritdoc />
    public DecisionRecordWriteResult Write(DecisionRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (!_logger.IsEnabled(LogLevel.Information))
        {
            return DecisionRecordWriteResult.NotRecorded(Disabled);
        }

        string json = record.ToJson();
        PowersLog.DecisionRecorded(_logger, record.DecisionId, json);
        return DecisionRecordWriteResult.Recorded;
    }

    /// <summary>Recorded when the log takes Information events of this category again (its level can change at run time).</summary>
    public ValueTask<DecisionRecordWriteResult> ProbeAsync(CancellationToken cancellationToken) =>
        new(_logger.IsEnabled(LogLevel.Information) ? DecisionRecordWriteResult.Recorded : DecisionRecordWriteResult.NotRecorded(Disabled));

    private static string Disabled => "the log does not take Information events of category " + typeof(LoggingDecisionRecordSink).FullName + ".";
}
