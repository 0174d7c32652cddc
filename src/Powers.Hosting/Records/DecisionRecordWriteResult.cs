namespace Powers.Hosting;

/// <summary>What <see cref="IDecisionRecordSink.Write"/> reports: the record is stored, or why it is not.</summary>
public sealed class DecisionRecordWriteResult
{
    private DecisionRecordWriteResult(string? reason, Exception? exception)
    {
        Reason = reason;
        Exception = exception;
    }

    /// <summary>The record is stored as the sink promises.</summary>
    public static DecisionRecordWriteResult Recorded { get; } = new(null, null);

    /// <summary>Whether the record is stored.</summary>
    public bool IsRecorded => Reason is null;

    /// <summary>Why the record is not stored, or null when it is.</summary>
    public string? Reason { get; }

    /// <summary>The exception behind <see cref="Reason"/>, if any.</summary>
    public Exception? Exception { get; }

    /// <summary>The record is not stored, for <paramref name="reason"/>.</summary>
    public static DecisionRecordWriteResult NotRecorded(string reason, Exception? exception = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return new DecisionRecordWriteResult(reason, exception);
    }
}
