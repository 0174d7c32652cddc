namespace Powers.Hosting;

/// <summary>
/// Appends each decision record to a file as one line of JSON (NDJSON). The file is opened for appending and
/// never truncated; each record is written whole and flushed to the operating system before
/// <see cref="Write"/> returns. Thread-safe. A file left without a final line break (a crash mid-write) gets
/// one before the first new record, so every record stays on its own line.
/// </summary>
public sealed class NdjsonFileDecisionRecordSink : IDecisionRecordSink, IDisposable
{
    private readonly Lock _gate = new();
    private FileStream? _stream;
    private bool _disposed;

    /// <summary>Creates the sink; the file is opened (and created if absent) on the first record.</summary>
    public NdjsonFileDecisionRecordSink(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Path = System.IO.Path.GetFullPath(path);
    }

    /// <summary>The full path of the file.</summary>
    public string Path { get; }

    /// <inheritdoc />
    public void Write(DecisionRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        byte[] line = DecisionRecordJson.SerializeToUtf8(record);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var stream = _stream ??= Open(Path);
            stream.Write(line);
            stream.WriteByte((byte)'\n');
            stream.Flush();
        }
    }

    /// <summary>Flushes and closes the file.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _stream?.Dispose();
            _stream = null;
        }
    }

    private static FileStream Open(string path)
    {
        bool needsLineBreak = false;
        var info = new FileInfo(path);
        if (info.Exists && info.Length > 0)
        {
            using var probe = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            probe.Seek(-1, SeekOrigin.End);
            needsLineBreak = probe.ReadByte() != '\n';
        }

        var stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read, bufferSize: 4096);
        if (needsLineBreak)
        {
            stream.WriteByte((byte)'\n');
        }

        return stream;
    }
}
