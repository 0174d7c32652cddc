namespace Powers.Hosting;

/// <summary>
/// Where stored decision records are read back from (a sink's storage), for <c>powers replay</c> and for checking
/// the chain: each record as stored, in the order the chain is checked in, and the signed checkpoints stored beside
/// them. A sink package ships one of these; replay and its checks need nothing else from it (docs/extending.md).
/// </summary>
public interface IDecisionRecordSource
{
    /// <summary>What is read, for messages (a file's path, a table's name).</summary>
    string Name { get; }

    /// <summary>
    /// True when the source is one stream of lines (a file): every line is read, records or not, in the order
    /// written, and a record's link covers every byte since the record before it. False when records are rows
    /// (a table): each writer's records are read in their sequence, records written before chaining first.
    /// </summary>
    bool IsStream { get; }

    /// <summary>The records (and, from a stream, every other line), read lazily, so any number of them is read in flat memory.</summary>
    IEnumerable<StoredDecisionRecord> Read();

    /// <summary>
    /// Where the signed checkpoints of these records are kept (docs/embedding.md, "Signed checkpoints") and each as
    /// stored, unverified: <c>powers replay --verify --trusted-key</c> verifies every signature before it believes
    /// one. Null when the source has no place for them (standard input). Throws when the storage cannot be read.
    /// </summary>
    StoredCheckpoints? ReadCheckpoints();
}
