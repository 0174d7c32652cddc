namespace Powers.Hosting;

/// <summary>A record as a <see cref="IDecisionRecordSource"/> read it: its text exactly as stored, and where it was.</summary>
public sealed class StoredDecisionRecord
{
    /// <summary>Creates it.</summary>
    /// <param name="text">The record as stored: one line of JSON, UTF-8, without its line break.</param>
    /// <param name="where">Where it was read, for messages: <c>FILE(LINE)</c>, or a table row.</param>
    /// <param name="line">Its line number in a file, or null.</param>
    /// <param name="endsWithLineBreak">False for a file's last line when no line break ends it (cut short, as by a crash).</param>
    /// <param name="problem">What the source found wrong beside the text (a table column that disagrees with the record), or null.</param>
    public StoredDecisionRecord(ReadOnlyMemory<byte> text, string where, long? line = null, bool endsWithLineBreak = true, string? problem = null)
    {
        ArgumentNullException.ThrowIfNull(where);
        Text = text;
        Where = where;
        Line = line;
        EndsWithLineBreak = endsWithLineBreak;
        Problem = problem;
    }

    /// <summary>The record as stored: one line of JSON, UTF-8, without its line break.</summary>
    public ReadOnlyMemory<byte> Text { get; }

    /// <summary>Where it was read, for messages.</summary>
    public string Where { get; }

    /// <summary>Its line number in a file, or null.</summary>
    public long? Line { get; }

    /// <summary>False for a file's last line when no line break ends it.</summary>
    public bool EndsWithLineBreak { get; }

    /// <summary>What the source found wrong beside the text, or null.</summary>
    public string? Problem { get; }

    /// <summary>Whether the text is empty or white space only (a blank line).</summary>
    public bool IsBlank
    {
        get
        {
            foreach (byte b in Text.Span)
            {
                if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r'))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
