namespace Powers.Hosting;

/// <summary>
/// A signed checkpoint as a <see cref="IDecisionRecordSource"/> read it, not yet believed: its text exactly as stored
/// (a compact JWS, docs/embedding.md "Signed checkpoints"), where it was, and, when the storage files it under a
/// record (a table's columns), which record that is. The reader verifies the signature before it believes anything,
/// and a record named here that is not the one signed is a break: an index is what a reader finds a checkpoint by.
/// </summary>
public sealed class StoredCheckpoint
{
    /// <summary>Creates it.</summary>
    /// <param name="text">The checkpoint as stored: one compact JWS, without its line break.</param>
    /// <param name="where">Where it was read, for messages: <c>FILE(LINE)</c>, or a table row.</param>
    /// <param name="line">Its line number in a file, or null.</param>
    /// <param name="endsWithLineBreak">False for a file's last line when no line break ends it (cut short as the host stopped).</param>
    /// <param name="writer">The writer the storage files it under (a column), or null when it files it under nothing.</param>
    /// <param name="sequence">The record number the storage files it under, given with <paramref name="writer"/>.</param>
    public StoredCheckpoint(string text, string where, long? line = null, bool endsWithLineBreak = true, string? writer = null, long? sequence = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(where);
        if ((writer is null) != (sequence is null))
        {
            throw new ArgumentException("give both the writer and the sequence number a checkpoint is filed under, or neither", nameof(sequence));
        }

        Text = text;
        Where = where;
        Line = line;
        EndsWithLineBreak = endsWithLineBreak;
        Writer = writer;
        Sequence = sequence;
    }

    /// <summary>The checkpoint as stored: one compact JWS, without its line break.</summary>
    public string Text { get; }

    /// <summary>Where it was read, for messages.</summary>
    public string Where { get; }

    /// <summary>Its line number in a file, or null.</summary>
    public long? Line { get; }

    /// <summary>False for a file's last line when no line break ends it.</summary>
    public bool EndsWithLineBreak { get; }

    /// <summary>The writer the storage files it under, or null.</summary>
    public string? Writer { get; }

    /// <summary>The record number the storage files it under, or null.</summary>
    public long? Sequence { get; }
}
