using System.Globalization;
using System.Text;

namespace Powers.Hosting;

/// <summary>
/// The lines of an NDJSON records file (or standard input), each as stored, in order: the reader of what
/// <see cref="NdjsonFileDecisionRecordSink"/> writes. Reads a chunk at a time, so a file of any size is read in
/// flat memory (a line is limited to 16 MB, far above any record).
/// </summary>
internal sealed class NdjsonRecordSource : IDecisionRecordSource
{
    private const int MaxLine = 16 * 1024 * 1024;
    private readonly Func<IEnumerable<ArraySegment<byte>>> _chunks;

    /// <summary>The lines of a stream of bytes, read once.</summary>
    public NdjsonRecordSource(Stream stream, string name)
    {
        ArgumentNullException.ThrowIfNull(stream);
        Name = name;
        _chunks = () => Chunks(stream);
    }

    /// <summary>The lines of a text reader (standard input), encoded as UTF-8, read once.</summary>
    public NdjsonRecordSource(TextReader reader, string name)
    {
        ArgumentNullException.ThrowIfNull(reader);
        Name = name;
        _chunks = () => Chunks(reader);
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public bool IsStream => true;

    /// <inheritdoc />
    public IEnumerable<StoredDecisionRecord> Read()
    {
        var line = new List<byte>();
        long number = 0;
        bool tooLong = false;
        foreach (var chunk in _chunks())
        {
            int start = 0;
            for (int i = 0; i < chunk.Count; i++)
            {
                if (chunk[i] != '\n')
                {
                    continue;
                }

                number++;
                yield return Line(line, chunk.AsSpan(start, i - start), number, ended: true, ref tooLong);
                start = i + 1;
            }

            if (!tooLong && line.Count + (chunk.Count - start) <= MaxLine)
            {
                line.AddRange(chunk.AsSpan(start, chunk.Count - start));
            }
            else
            {
                tooLong = true;
                line.Clear();
            }
        }

        if (line.Count > 0 || tooLong)
        {
            yield return Line(line, [], number + 1, ended: false, ref tooLong);
        }
    }

    private StoredDecisionRecord Line(List<byte> pending, ReadOnlySpan<byte> rest, long number, bool ended, ref bool tooLong)
    {
        string where = Name + "(" + number.ToString(CultureInfo.InvariantCulture) + ")";
        if (tooLong)
        {
            tooLong = false;
            pending.Clear();
            return new StoredDecisionRecord(Array.Empty<byte>(), where, number, ended, "the line is longer than 16 MB: not a record");
        }

        byte[] text = new byte[pending.Count + rest.Length];
        pending.CopyTo(text);
        rest.CopyTo(text.AsSpan(pending.Count));
        pending.Clear();
        return new StoredDecisionRecord(text, where, number, ended);
    }

    private static IEnumerable<ArraySegment<byte>> Chunks(Stream stream)
    {
        byte[] buffer = new byte[64 * 1024];
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            yield return new ArraySegment<byte>(buffer, 0, read);
        }
    }

    private static IEnumerable<ArraySegment<byte>> Chunks(TextReader reader)
    {
        char[] chars = new char[16 * 1024];
        byte[] bytes = new byte[Encoding.UTF8.GetMaxByteCount(chars.Length)];
        var encoder = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetEncoder();
        int read;
        while ((read = reader.Read(chars, 0, chars.Length)) > 0)
        {
            int count = encoder.GetBytes(chars, 0, read, bytes, 0, flush: false);
            yield return new ArraySegment<byte>(bytes, 0, count);
        }

        int last = encoder.GetBytes([], 0, 0, bytes, 0, flush: true);
        if (last > 0)
        {
            yield return new ArraySegment<byte>(bytes, 0, last);
        }
    }
}
