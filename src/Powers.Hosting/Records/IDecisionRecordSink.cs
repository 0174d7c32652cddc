namespace Powers.Hosting;

/// <summary>
/// Stores a record of each decision when <see cref="PowersOptions.RecordDecisions"/> is on. Records are part of
/// the decision: a decision is returned only after every sink has reported it recorded, so a sink must never
/// acknowledge a record it has not stored.
/// </summary>
/// <remarks>
/// The contract, for every implementation:
/// <list type="bullet">
/// <item><see cref="Write"/> (or <see cref="WriteAsync"/>) is called for the deciding caller, possibly from many threads at once; it must be
/// thread-safe. It returns <see cref="DecisionRecordWriteResult.Recorded"/> only once the record is stored as the
/// sink promises (for example written to the operating system, flushed to disk, or committed); otherwise
/// <see cref="DecisionRecordWriteResult.NotRecorded"/> with the reason. An exception counts as not recorded.</item>
/// <item>A sink may batch (group commit: many callers wait on one flush or one transaction), but never return
/// before the batch holding the record is stored, and when the batch fails, every caller in it is told so.
/// Buffering a record and returning early breaks the contract.</item>
/// <item>A failed write must leave nothing that a reader could take for part of another record (the NDJSON
/// sink cuts the file back to its last whole line).</item>
/// <item><see cref="Open"/> is called once when the host starts, before any decision; throwing there fails
/// start-up, which is better than failing every decision later.</item>
/// <item>Disposing a sink never throws.</item>
/// </list>
/// A record may exist for a decision that was not returned (a later sink failed); an acknowledged decision
/// without a record must never exist.
/// </remarks>
public interface IDecisionRecordSink
{
    /// <summary>A short name for error messages, the log and the health check; by default the type's name.</summary>
    string Name => GetType().Name;

    /// <summary>
    /// Checks, when the host starts, that the sink can record (opens its file, connects); throws with the reason
    /// when it cannot, so that start-up fails. The default does nothing.
    /// </summary>
    void Open()
    {
    }

    /// <summary>Stores one record and says whether it is stored; see the contract on the interface.</summary>
    DecisionRecordWriteResult Write(DecisionRecord record);

    /// <summary>
    /// Stores one record as <see cref="Write"/> does, under the same contract, for a caller that awaits rather than
    /// blocks (<see cref="IPowersService.DecideAsync(string, CancellationToken)"/>). A sink that batches should
    /// override it so that the caller's thread is free while the batch is stored; the default calls
    /// <see cref="Write"/>. Cancelling stops the wait, not the write: the record may still be stored, and the
    /// decision is then not returned, which the contract allows.
    /// </summary>
    ValueTask<DecisionRecordWriteResult> WriteAsync(DecisionRecord record, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return new ValueTask<DecisionRecordWriteResult>(Write(record));
    }

    /// <summary>
    /// Checks, without storing a record, whether the sink could record now: called in the background, with backoff,
    /// while the last record could not be written, so that health reports healthy again once every sink answers
    /// <see cref="DecisionRecordWriteResult.Recorded"/> (a readiness probe that took the host out of service lets it
    /// back in). It decides nothing about decisions: each still fails unless its own record is written. The default
    /// cannot tell and says so, so a sink without a probe is healthy again only when a record is written.
    /// </summary>
    ValueTask<DecisionRecordWriteResult> ProbeAsync(CancellationToken cancellationToken) =>
        new(DecisionRecordWriteResult.NotRecorded(Name + " has no probe; health recovers when a record is written"));
}
