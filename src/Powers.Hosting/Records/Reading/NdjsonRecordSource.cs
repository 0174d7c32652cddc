using System.Globalization;
using System.Text;

namespace Powers.Hosting;

/// <summary>
/// The lines of an NDJSON records file (or standard input), each as stored, in order: the reader of what
/// <see cref="NdjsonFileDecisionRecordSink"/> writes. Reads a chunk at a time, so a file of any size is read in
/// flat memory (a line is limited to 16 MB, far above any record). Its checkpoints are the lines of the file the
/// sink writes them to, <c>RECORDS.checkpoints</c> (or another checkpoints file named).
/// </summary>
internal sealed class NdjsonRecordSource : IDecisionRecordSource
{
    private const int MaxLine = 16 * 1024 * 1024;
    private readonly Func<IEnumerable<ArraySegment<byte>>> _chunks;
    private readonly string? _checkpoints;

    /// <summary>
    /// The lines of a stream of bytes, read once; its checkpoints in <paramref name="checkpoints"/>, by default
    /// <paramref name="name"/> (the file's path) with <c>.checkpoints</c> after it, where the file sink writes them.
    /// </summary>
    public NdjsonRecordSource(Stream stream, string name, string? checkpoints = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        Name = name;
        _chunks = () => Chunks(stream);
        _checkpoints = checkpoints ?? name + NdjsonFileDecisionRecordSink.CheckpointsSuffix;
    }

    /// <summary>The lines of a text reader (standard input), encoded as UTF-8, read once; checkpoints only from a file named.</summary>
    public NdjsonRecordSource(TextReader reader, string name, string? checkpoints = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        Name = name;
        _chunks = () => Chunks(reader);
        _checkpoints = checkpoints;
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

    /// <inheritdoc />
    public StoredCheckpoints? ReadCheckpoints() => _checkpoints is null ? null : CheckpointsFile(_checkpoints);

    /// <summary>
    /// The checkpoints file at <paramref name="path"/>, one compact JWS a line, or no place when there is no such file.
    /// The file is opened here, so a file that exists but cannot be read throws here; blank lines are passed over.
    /// </summary>
    public static StoredCheckpoints CheckpointsFile(string path)
    {
        string text;
        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 0);
            using var reader = new StreamReader(file, new UTF8Encoding(false, throwOnInvalidBytes: false));
            text = reader.ReadToEnd();
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return new StoredCheckpoints("file", path, null);
        }

        return new StoredCheckpoints("file", path, Lines(text, path));
    }

    private static IEnumerable<StoredCheckpoint> Lines(string text, string path)
    {
        string[] lines = text.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i].TrimEnd('\r');
            if (line.Length == 0)
            {
                continue;
            }

            yield return new StoredCheckpoint(
                line,
                path + "(" + (i + 1).ToString(CultureInfo.InvariantCulture) + ")",
                i + 1,
                endsWithLineBreak: i < lines.Length - 1);
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
