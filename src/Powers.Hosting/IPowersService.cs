using Powers.Queries;

namespace Powers.Hosting;

/// <summary>
/// The hosted Powers engine: a singleton, safe to use from any number of threads at once. Each query is read and
/// decided against one <see cref="PowersSnapshot"/>, never a mix of an old and a new library.
/// </summary>
public interface IPowersService
{
    /// <summary>
    /// The library in service now. Hold on to it to decide many queries against one library, e.g. with the
    /// allocation-free loop <c>Current.Engine.Plans.Get(query).Decide(situation, buffer)</c> (<see cref="Deciding.CachedPlan"/>).
    /// </summary>
    PowersSnapshot Current { get; }

    /// <summary>Why the last reload failed, or null when it succeeded (or none has been tried).</summary>
    ReloadFailure? LastReloadFailure { get; }

    /// <summary>
    /// Reads and decides a query document (a date, a designation and facts; docs/contract.md) against the current library and, when decision records
    /// are on, records the decision. Bad input gives an answer with <see cref="PowersAnswer.Errors"/>, never an exception.
    /// </summary>
    /// <exception cref="DecisionNotRecordedException">Records are on and a sink could not record the decision: it is withheld.</exception>
    PowersAnswer Decide(string queryJson);

    /// <summary>
    /// Reads and decides a query document given as UTF-8 bytes (a request body, without decoding it to a string
    /// first), as <see cref="Decide(string)"/>.
    /// </summary>
    PowersAnswer Decide(ReadOnlySpan<byte> utf8QueryJson) => Decide(System.Text.Encoding.UTF8.GetString(utf8QueryJson));

    /// <summary>
    /// Reads and decides a query document as <see cref="Decide(string)"/>, awaiting the decision record instead of
    /// blocking on it: with records on, the caller's thread is free while the sinks store the record (the NDJSON and
    /// PostgreSQL sinks batch concurrent records into one flush or one <c>COPY</c>). The answer still comes only once
    /// every sink has recorded the decision. Cancelling stops the wait and withholds the answer; the record may
    /// still be stored.
    /// </summary>
    /// <exception cref="DecisionNotRecordedException">Records are on and a sink could not record the decision: it is withheld.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled before the answer was ready.</exception>
    Task<PowersAnswer> DecideAsync(string queryJson, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Decide(queryJson));
    }

    /// <summary>
    /// Reads and decides a query document given as UTF-8 bytes (a request body) as <see cref="DecideAsync(string, CancellationToken)"/>.
    /// </summary>
    /// <exception cref="DecisionNotRecordedException">Records are on and a sink could not record the decision: it is withheld.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled before the answer was ready.</exception>
    Task<PowersAnswer> DecideAsync(ReadOnlyMemory<byte> utf8QueryJson, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Decide(utf8QueryJson.Span));
    }

    /// <summary>
    /// Decides a query that was resolved against <paramref name="snapshot"/>'s library (for example with
    /// <see cref="QueryReader"/>) and records the decision when decision records are on.
    /// </summary>
    /// <exception cref="DecisionNotRecordedException">Records are on and a sink could not record the decision: it is withheld.</exception>
    PowersAnswer Decide(PowersSnapshot snapshot, Query query);

    /// <summary>
    /// Reloads the rules directory now, without waiting for a file event: compiles it and swaps it in when it has
    /// no errors. Returns true when a new library was swapped in. Does nothing for the embedded library.
    /// </summary>
    Task<bool> ReloadAsync(CancellationToken cancellationToken = default);
}
