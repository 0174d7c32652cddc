namespace Powers.Hosting.PostgreSql;

/// <summary>A record waiting for its batch: the deciding caller waits on, or awaits, <see cref="Stored"/>.</summary>
internal sealed class PendingRecord(PostgreSqlRecordRow row)
{
    private readonly TaskCompletionSource<DecisionRecordWriteResult> _stored = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public PostgreSqlRecordRow Row { get; } = row;

    public Task<DecisionRecordWriteResult> Stored => _stored.Task;

    public void Complete(DecisionRecordWriteResult result) => _stored.TrySetResult(result);
}
