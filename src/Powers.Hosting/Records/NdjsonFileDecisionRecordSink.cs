namespace Powers.Hosting;

/// <summary>
/// Appends each decision record to a file as one line of JSON (NDJSON). The file is opened for appending and
/// never truncated below what it held. <see cref="Write"/> reports a record recorded only once its whole line is
/// written to the operating system and, when <see cref="FlushToDisk"/> is on (the default), flushed to the disk
/// with fsync; concurrent writers share one fsync (group commit). A write that fails is cut back to the last
/// whole line, and the file is opened afresh for the next record; a line left torn by a crash or an uncuttable
/// file gets a line break before the next record, so every record stays on its own line. <see cref="WriteAsync"/>
/// appends the same way and awaits the fsync, which runs on the thread pool for every caller waiting at once.
/// Thread-safe; disposing never throws.
/// </summary>
public sealed class NdjsonFileDecisionRecordSink : IDecisionRecordSink, IDisposable
{
    private readonly Lock _gate = new();
    private readonly Lock _syncGate = new();
    private readonly Lock _flushGate = new();
    private TaskCompletionSource<DecisionRecordWriteResult>? _nextFlush;
    private bool _flushing;
    private FileStream? _stream;
    private bool _needsLineBreak;
    private long _appended;
    private long _synced;
    private long _lostThrough;
    private string? _lostReason;
    private bool _disposed;

    /// <summary>Creates the sink, flushing each record to disk; the file is opened (and created if absent) by <see cref="Open"/> or the first record.</summary>
    public NdjsonFileDecisionRecordSink(string path)
        : this(path, flushToDisk: true)
    {
    }

    /// <summary>Creates the sink; <paramref name="flushToDisk"/> false writes records to the operating system only (a machine crash can lose them).</summary>
    public NdjsonFileDecisionRecordSink(string path, bool flushToDisk)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Path = System.IO.Path.GetFullPath(path);
        FlushToDisk = flushToDisk;
    }

    /// <summary>The full path of the file.</summary>
    public string Path { get; }

    /// <summary>Whether each record is flushed to the disk (fsync) before it is reported recorded.</summary>
    public bool FlushToDisk { get; }

    /// <summary>Opens the file for appending (creating it if absent); throws <see cref="IOException"/> when it cannot be.</summary>
    public void Open()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            try
            {
                _stream ??= OpenStream();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new IOException(CannotOpen(e), e);
            }
        }
    }

    /// <inheritdoc />
    public DecisionRecordWriteResult Write(DecisionRecord record)
    {
        var appended = Append(record, out long sequence);
        return appended is not null ? appended : FlushToDisk ? SyncThrough(sequence) : DecisionRecordWriteResult.Recorded;
    }

    /// <summary>
    /// Appends the line on the caller's thread (a write to the operating system), then awaits the shared fsync that
    /// covers it: concurrent callers join one flush run on the thread pool, so no caller's thread waits on the disk.
    /// </summary>
    public ValueTask<DecisionRecordWriteResult> WriteAsync(DecisionRecord record, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var appended = Append(record, out long sequence);
        if (appended is not null || !FlushToDisk)
        {
            return new ValueTask<DecisionRecordWriteResult>(appended ?? DecisionRecordWriteResult.Recorded);
        }

        var flush = NextFlush(sequence);
        return flush.IsCompleted ? new ValueTask<DecisionRecordWriteResult>(flush.Result) : new ValueTask<DecisionRecordWriteResult>(flush.WaitAsync(cancellationToken));
    }

    /// <summary>Appends the record's line; null when appended (its number in <paramref name="sequence"/>), else why not.</summary>
    private DecisionRecordWriteResult? Append(DecisionRecord record, out long sequence)
    {
        ArgumentNullException.ThrowIfNull(record);
        byte[] json = DecisionRecordJson.SerializeToUtf8(record);
        sequence = 0;
        lock (_gate)
        {
            if (_disposed)
            {
                return DecisionRecordWriteResult.NotRecorded("the sink for '" + Path + "' is disposed");
            }

            FileStream stream;
            try
            {
                stream = _stream ??= OpenStream();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return DecisionRecordWriteResult.NotRecorded(CannotOpen(e), e);
            }

            // One write of the whole line, so that a failure leaves at most one partial line to cut back.
            int start = _needsLineBreak ? 1 : 0;
            var line = new byte[start + json.Length + 1];
            line[0] = (byte)'\n';
            json.CopyTo(line, start);
            line[^1] = (byte)'\n';
            long before = stream.Position;
            try
            {
                stream.Write(line);
            }
            catch (IOException e)
            {
                Discard(stream, before);
                return DecisionRecordWriteResult.NotRecorded("cannot append to '" + Path + "': " + e.Message, e);
            }

            _needsLineBreak = false;
            sequence = ++_appended;
            return null;
        }
    }

    /// <summary>
    /// The flush that will cover line <paramref name="sequence"/>: the one waiting to start, or a new one. A flush
    /// reads how far the file is appended only when it starts, so every line appended before then is covered.
    /// </summary>
    private Task<DecisionRecordWriteResult> NextFlush(long sequence)
    {
        lock (_flushGate)
        {
            if (Volatile.Read(ref _synced) >= sequence)
            {
                return Task.FromResult(DecisionRecordWriteResult.Recorded);
            }

            if (_nextFlush is null)
            {
                _nextFlush = new TaskCompletionSource<DecisionRecordWriteResult>(TaskCreationOptions.RunContinuationsAsynchronously);
                if (!_flushing)
                {
                    _flushing = true;
                    _ = Task.Run(FlushLoop);
                }
            }

            return _nextFlush.Task;
        }
    }

    /// <summary>Runs waiting flushes one after another until none waits; each answers every caller that joined it.</summary>
    private void FlushLoop()
    {
        while (true)
        {
            TaskCompletionSource<DecisionRecordWriteResult> flush;
            lock (_flushGate)
            {
                if (_nextFlush is null)
                {
                    _flushing = false;
                    return;
                }

                flush = _nextFlush;
                _nextFlush = null;
            }

            long target;
            lock (_gate)
            {
                target = _appended;
            }

            DecisionRecordWriteResult result;
            try
            {
                result = SyncThrough(target);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                result = DecisionRecordWriteResult.NotRecorded("cannot flush '" + Path + "' to disk: " + e.Message, e);
            }

            flush.TrySetResult(result);
        }
    }

    /// <summary>Closes the file. Every record reported recorded is already written, so nothing is lost.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            Close();
        }
    }

    /// <summary>Group commit: one fsync covers every line appended before it, so waiting writers share it.</summary>
    private DecisionRecordWriteResult SyncThrough(long sequence)
    {
        lock (_syncGate)
        {
            if (Volatile.Read(ref _synced) >= sequence)
            {
                return DecisionRecordWriteResult.Recorded;
            }

            if (_lostThrough >= sequence)
            {
                return DecisionRecordWriteResult.NotRecorded(_lostReason!);
            }

            long target;
            FileStream? stream;
            lock (_gate)
            {
                target = _appended;
                stream = _stream;
            }

            try
            {
                if (stream is null)
                {
                    // The stream was closed after a failed write; fsync through a new handle on the same file.
                    using var handle = new FileStream(Path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite, bufferSize: 0);
                    handle.Flush(flushToDisk: true);
                }
                else
                {
                    stream.Flush(flushToDisk: true);
                }

                Volatile.Write(ref _synced, target);
                return DecisionRecordWriteResult.Recorded;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ObjectDisposedException)
            {
                // After a failed fsync the kernel may have dropped the dirty pages: none of these lines is known to be on disk.
                _lostThrough = target;
                _lostReason = "cannot flush '" + Path + "' to disk: " + e.Message;
                lock (_gate)
                {
                    if (ReferenceEquals(_stream, stream))
                    {
                        Close();
                    }
                }

                return DecisionRecordWriteResult.NotRecorded(_lostReason, e);
            }
        }
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

    /// <summary>After a failed write: cut the file back to its last whole line, then reopen on the next record.</summary>
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
