namespace Powers.Hosting;

/// <summary>
/// A decision record linked into its writer's chain, as a <see cref="BatchingDecisionRecordSink"/> hands it to
/// <c>Store</c>: the record's line (its JSON with the <c>chain</c> member: writer, sequence number and the hash of
/// what came before), to be stored exactly as given, since the next record's link is the SHA-256 of these bytes.
/// </summary>
public sealed class ChainedRecord
{
    private readonly byte[] _line;

    internal ChainedRecord(DecisionRecord record, byte[] line, long sequence, string writer, object? prepared)
    {
        Record = record;
        _line = line;
        Sequence = sequence;
        Writer = writer;
        Prepared = prepared;
    }

    /// <summary>The decision record.</summary>
    public DecisionRecord Record { get; }

    /// <summary>The record as one line of JSON, UTF-8, ending with a line break (<c>\n</c>).</summary>
    public ReadOnlyMemory<byte> Line => _line;

    /// <summary>The record's JSON, UTF-8, without the line break: the text a table stores.</summary>
    public ReadOnlyMemory<byte> Json => _line.AsMemory(0, _line.Length - 1);

    /// <summary>The record's number in its writer's chain (1 for the first).</summary>
    public long Sequence { get; }

    /// <summary>The writer whose chain it is in.</summary>
    public string Writer { get; }

    /// <summary>What <see cref="BatchingDecisionRecordSink.Prepare"/> made of the record on the deciding thread, or null.</summary>
    public object? Prepared { get; }
}
