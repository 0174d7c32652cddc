using System.Globalization;
using Powers.Hosting;

namespace Powers.Cli.Tests.Extending;

/// <summary>Reads back what <see cref="MemoryRecordSink"/> stored: each writer's records in their sequence, as stored.</summary>
internal sealed class MemoryRecordSource(MemoryRecordStore store) : IDecisionRecordSource
{
    public string Name => "memory";

    /// <summary>Rows, not one stream of lines: each writer's chain is checked on its own.</summary>
    public bool IsStream => false;

    public IEnumerable<StoredDecisionRecord> Read() =>
        store.Rows().Select(r => new StoredDecisionRecord(r.Json, "memory (" + r.Writer + ", " + r.Sequence.ToString(CultureInfo.InvariantCulture) + ")"));

    /// <summary>This store keeps no signed checkpoints.</summary>
    public StoredCheckpoints? ReadCheckpoints() => null;
}
