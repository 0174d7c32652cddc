using Powers.Hosting;

namespace Powers.Cli.Tests.Extending;

/// <summary>Stores records in memory, as a sink package stores them in its storage: a test's sink, as docs/extending.md writes one.</summary>
internal sealed class MemoryRecordSink(MemoryRecordStore store) : BatchingDecisionRecordSink(maxBatchSize: 64, TimeSpan.FromSeconds(30))
{
    /// <summary>Where a new writer's chain starts, or where this writer's stands after a restart.</summary>
    protected override RecordChainHead OpenStorage() => ReadChainHead();

    /// <summary>The last stored record of this writer: its sequence number and the link its successor carries.</summary>
    protected override RecordChainHead ReadChainHead() => store.Head(store.Writer);

    /// <summary>Every record of the batch, each exactly as given (the chain hashes those bytes), or none.</summary>
    protected override DecisionRecordWriteResult Store(IReadOnlyList<ChainedRecord> batch)
    {
        store.Add(batch.Select(r => (r.Writer, r.Sequence, r.Json.ToArray())));
        return DecisionRecordWriteResult.Recorded;
    }
}
