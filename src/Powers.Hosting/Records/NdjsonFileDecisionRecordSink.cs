using System.Buffers;
using System.Security.Cryptography;

namespace Powers.Hosting;

/// <summary>
/// Appends each decision record to a file as one line of JSON (NDJSON), chained (docs/embedding.md, "A
/// tamper-evident trail"). The file is opened for appending and never truncated below what it held. Records
/// waiting at the same moment are written with one <c>write</c> and, when <see cref="FlushToDisk"/> is on (the
/// default), flushed to disk with one fsync (group commit); none is reported recorded before that. A write that
/// fails is cut back to what the file held before it, and the file is opened afresh for the next batch; a line
/// left torn by a crash or an uncuttable file gets a line break before the next record, so every record stays on
/// its own line. A restart continues the chain from the file's last record. Thread-safe; disposing never throws.
/// </summary>
public sealed class NdjsonFileDecisionRecordSink : BatchingDecisionRecordSink
{
    private const int TailChunk = 64 * 1024;
    private const int MaxLine = 16 * 1024 * 1024;

    /// <summary>The room a probe asks for: a few records (one is about 1-5 KB).</summary>
    private const long ProbeFreeBytes = 16 * 1024;
    private FileStream? _stream;
    private bool _needsLineBreak;

    /// <summary>Creates the sink, flushing each record to disk; the file is opened (and created if absent) by <see cref="BatchingDecisionRecordSink.Open"/> or the first record.</summary>
    public NdjsonFileDecisionRecordSink(string path)
        : this(path, flushToDisk: true)
    {
    }

    /// <summary>Creates the sink; <paramref name="flushToDisk"/> false writes records to the operating system only (a machine crash can lose them).</summary>
    public NdjsonFileDecisionRecordSink(string path, bool flushToDisk)
        : base(maxBatchSize: 1024, writeTimeout: TimeSpan.FromSeconds(30))
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Path = System.IO.Path.GetFullPath(path);
        FlushToDisk = flushToDisk;
    }

    /// <summary>The full path of the file.</summary>
    public string Path { get; }

    /// <summary>
    /// Where signed checkpoints of the chain's head go when the host signs them (<see cref="PowersOptions.DecisionRecordsSigningKey"/>):
    /// the records file's path with <c>.checkpoints</c> after it, one compact JWS a line (<see cref="RecordCheckpoint"/>).
    /// </summary>
    internal string CheckpointsPath => Path + CheckpointsSuffix;

    /// <summary>What the checkpoints file's name adds to the records file's.</summary>
    internal const string CheckpointsSuffix = ".checkpoints";

    /// <summary>Whether each record is flushed to the disk (fsync) before it is reported recorded.</summary>
    public bool FlushToDisk { get; }

    /// <inheritdoc />
    public override string Name => nameof(NdjsonFileDecisionRecordSink);

    /// <inheritdoc />
    protected override RecordChainHead OpenStorage() => ReadChainHead();

    /// <inheritdoc />
    protected override RecordChainHead ReadChainHead()
    {
        try
        {
            _stream ??= OpenStream();
            return Head(_stream.Length);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Close();
            throw new IOException(CannotOpen(e), e);
        }
    }

    /// <inheritdoc />
    protected override DecisionRecordWriteResult Store(IReadOnlyList<ChainedRecord> batch)
    {
        FileStream stream;
        try
        {
            stream = _stream ??= OpenStream();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return DecisionRecordWriteResult.NotRecorded(CannotOpen(e), e);
        }

        // One write of every line, so that a failure leaves at most one partial write to cut back.
        int length = _needsLineBreak ? 1 : 0;
        foreach (var record in batch)
        {
            length += record.Line.Length;
        }

        byte[] buffer = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            int at = 0;
            if (_needsLineBreak)
            {
                buffer[at++] = (byte)'\n';
            }

            foreach (var record in batch)
            {
                record.Line.Span.CopyTo(buffer.AsSpan(at));
                at += record.Line.Length;
            }

            long before = stream.Position;
            try
            {
                stream.Write(buffer, 0, length);
            }
            catch (IOException e)
            {
                Discard(stream, before);
                return DecisionRecordWriteResult.NotRecorded("cannot append to '" + Path + "': " + e.Message, e);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        _needsLineBreak = false;
        if (FlushToDisk)
        {
            try
            {
                stream.Flush(flushToDisk: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // After a failed fsync the kernel may have dropped the dirty pages: none of these lines is known to be on disk.
                Close();
                return DecisionRecordWriteResult.NotRecorded("cannot flush '" + Path + "' to disk: " + e.Message, e);
            }
        }

        return DecisionRecordWriteResult.Recorded;
    }

    /// <summary>
    /// The file was opened for appending and its chain's head read; the probe also asks for room for a few records
    /// (<see cref="ProbeFreeBytes"/>) on its file system, since a full disk opens and reads as well as an empty one.
    /// A disk with less room than a record needs still fails the next record, which the health check then reports.
    /// </summary>
    protected override DecisionRecordWriteResult ProbeStorage()
    {
        try
        {
            string? folder = System.IO.Path.GetDirectoryName(Path);
            long free = folder is null ? long.MaxValue : new DriveInfo(folder).AvailableFreeSpace;
            return free >= ProbeFreeBytes
                ? DecisionRecordWriteResult.Recorded
                : DecisionRecordWriteResult.NotRecorded(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"the disk of '{Path}' has {free:N0} bytes free"));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            // The free space cannot be read (an unusual mount); the file opened and read, which is what can be checked.
            return DecisionRecordWriteResult.Recorded;
        }
    }

    /// <inheritdoc />
    protected override void CloseStorage() => Close();

    /// <summary>Appends the checkpoint to <see cref="CheckpointsPath"/>, flushed to disk when records are.</summary>
    private protected override void StoreCheckpoint(RecordCheckpoint checkpoint, byte[] line)
    {
        using var file = new FileStream(CheckpointsPath, FileMode.Append, FileAccess.Write, FileShare.Read, bufferSize: 0);
        file.Write(line);
        if (FlushToDisk)
        {
            file.Flush(flushToDisk: true);
        }
    }

    /// <summary>
    /// The record <paramref name="writer"/>'s last checkpoint in <see cref="CheckpointsPath"/> signed, so a restarted
    /// sink names it as <c>prev</c> in its next checkpoint and a checkpoint deleted from before the restart is found;
    /// null when there is none. The sink reads its own lines without verifying them (a reader verifies every
    /// signature); a line it cannot read, such as one cut short as the host stopped, is passed over.
    /// </summary>
    private protected override long? LastCheckpoint(string writer)
    {
        if (!File.Exists(CheckpointsPath))
        {
            return null;
        }

        long? last = null;
        foreach (string line in File.ReadLines(CheckpointsPath))
        {
            string[] parts = line.Split('.');
            if (parts.Length == 3
                && System.Buffers.Text.Base64Url.IsValid(parts[1])
                && RecordCheckpoint.FromPayload(System.Buffers.Text.Base64Url.DecodeFromChars(parts[1]), CheckpointsPath, out _) is { } checkpoint
                && checkpoint.Writer == writer)
            {
                last = checkpoint.Sequence;
            }
        }

        return last;
    }

    private FileStream OpenStream()
    {
        var stream = new FileStream(Path, FileMode.Append, FileAccess.Write, FileShare.Read, bufferSize: 0);
        try
        {
            _needsLineBreak = stream.Length > 0 && !EndsWithLineBreak();
            return stream;
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    private bool EndsWithLineBreak()
    {
        using var probe = new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 0);
        probe.Seek(-1, SeekOrigin.End);
        return probe.ReadByte() == '\n';
    }

    /// <summary>
    /// Where the file's chain stands: after its last chained record, whose link for the next record is the SHA-256
    /// of every byte from that record's start to where the next record will start (its line, and whatever a crash
    /// or an older writer left after it, with the line break the next record is preceded by); or, when the file
    /// holds no chained record, a new writer whose first link is the SHA-256 of everything the file holds.
    /// </summary>
    private RecordChainHead Head(long length)
    {
        using var file = new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 0);
        var (start, writer, sequence) = LastChained(file, length);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        file.Position = start;
        byte[] chunk = ArrayPool<byte>.Shared.Rent(TailChunk);
        try
        {
            long left = length - start;
            while (left > 0)
            {
                int read = file.Read(chunk, 0, (int)Math.Min(chunk.Length, left));
                if (read == 0)
                {
                    break;
                }

                hash.AppendData(chunk, 0, read);
                left -= read;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        if (_needsLineBreak)
        {
            hash.AppendData("\n"u8);
        }

        string next = Convert.ToHexStringLower(hash.GetHashAndReset());
        return writer is null ? new RecordChainHead(DecisionIds.Next(DateTimeOffset.UtcNow), 0, next) : new RecordChainHead(writer, sequence, next);
    }

    /// <summary>
    /// The start of the last whole line (one a line break ends) that is a chained record, with its writer and
    /// sequence number; (0, null, 0) when there is none. Reads backwards a chunk at a time; bytes after the last
    /// line break are a line torn by a crash, never a record.
    /// </summary>
    private static (long Start, string? Writer, long Sequence) LastChained(FileStream file, long length)
    {
        byte[] buffer = new byte[TailChunk];
        byte[] carry = [];
        bool whole = false;
        long position = length;
        while (position > 0)
        {
            int size = (int)Math.Min(buffer.Length, position);
            position -= size;
            file.Position = position;
            file.ReadExactly(buffer, 0, size);
            int segmentEnd = size;
            for (int i = size - 1; i >= 0; i--)
            {
                if (buffer[i] != '\n')
                {
                    continue;
                }

                if (whole && Chained([.. buffer.AsSpan(i + 1, segmentEnd - i - 1), .. carry]) is { } found)
                {
                    return (position + i + 1, found.Writer, found.Sequence);
                }

                whole = true;
                carry = [];
                segmentEnd = i;
            }

            // A line longer than any record is not one; its start is not read.
            carry = whole && segmentEnd + carry.Length <= MaxLine ? [.. buffer.AsSpan(0, segmentEnd), .. carry] : [];
        }

        return whole && Chained(carry) is { } first ? (0, first.Writer, first.Sequence) : (0, null, 0);
    }

    private static (string Writer, long Sequence)? Chained(ReadOnlySpan<byte> line) =>
        line.IndexOf("\"chain\":"u8) >= 0 && RecordChainLink.TryRead(line, out string? writer, out long sequence, out _, out string? error) && error is null
            ? (writer!, sequence)
            : null;

    /// <summary>After a failed write: cut the file back to what it held, then reopen on the next batch.</summary>
    private void Discard(FileStream stream, long length)
    {
        try
        {
            stream.SetLength(length);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            // The file cannot be cut (a device, a failing disk); reopening adds a line break before the next record.
        }

        Close();
    }

    private void Close()
    {
        var stream = _stream;
        _stream = null;
        try
        {
            stream?.Dispose();
        }
        catch (IOException)
        {
            // Unbuffered, so nothing is pending; a failing close loses nothing that was reported recorded.
        }
    }

    private string CannotOpen(Exception e) => "cannot open '" + Path + "' for appending: " + e.Message;
}
