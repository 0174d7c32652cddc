namespace Powers.Hosting;

/// <summary>
/// Where a writer's chain of records stands: the writer, the sequence number of the last record stored (0 when
/// none is), and the link the next record carries as <c>prev</c> (hex SHA-256; see docs/embedding.md, "A
/// tamper-evident trail").
/// </summary>
public sealed class RecordChainHead
{
    /// <summary>The link a writer's first record carries: the SHA-256 of nothing.</summary>
    public const string Start = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    /// <summary>The link the record after <paramref name="record"/> carries: the hex SHA-256 of its text (UTF-8) and a line break.</summary>
    public static string LinkTo(string record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return RecordChainLink.HashOf(System.Text.Encoding.UTF8.GetBytes(record + "\n"));
    }

    /// <summary>Creates a head.</summary>
    public RecordChainHead(string writer, long sequence, string next)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(writer);
        ArgumentOutOfRangeException.ThrowIfNegative(sequence);
        ArgumentException.ThrowIfNullOrWhiteSpace(next);
        Writer = writer;
        Sequence = sequence;
        Next = next;
    }

    /// <summary>The writer whose chain it is.</summary>
    public string Writer { get; }

    /// <summary>The sequence number of the last record stored; the next record gets one more.</summary>
    public long Sequence { get; }

    /// <summary>The hex SHA-256 the next record carries as <c>prev</c>.</summary>
    public string Next { get; }
}
