using System.Collections.Concurrent;
using System.Globalization;

namespace Powers.Hosting;

/// <summary>
/// The base of a record sink that stores records in batches and chains them: what every durable sink needs, in one
/// place. A deciding caller's record is serialized on its own thread and queued; one writer thread takes every
/// record waiting (up to the batch size), links each into the writer's chain (a sequence number and the SHA-256
/// of what came before it, docs/embedding.md "A tamper-evident trail"), and hands the batch to <see cref="Store"/>,
/// which stores all of it or none (group commit: one flush or one transaction). Each caller is then told the
/// batch's result, so nothing is acknowledged before it is stored. After a failed batch the chain's head is read
/// again from storage (<see cref="ReadChainHead"/>) before the next one, so the chain continues from what is
/// stored, whatever the failure left. A restart continues it the same way (<see cref="OpenStorage"/>).
/// </summary>
/// <remarks>
/// <see cref="Write"/> blocks its caller until the batch is stored; <see cref="WriteAsync"/> awaits it. Either
/// gives up after the write timeout and reports the record not recorded (it may still be stored later: a record
/// without an answer is allowed, an answer without a record never). The sink opens itself on the first record if
/// <see cref="Open"/> was not called. Disposing stores what is queued (for at most the write timeout), refuses
/// the rest and closes the storage; it never throws.
/// </remarks>
public abstract class BatchingDecisionRecordSink : IDecisionRecordSink, IDisposable
{
    private readonly BlockingCollection<PendingRecord> _queue = new();
    private readonly Lock _gate = new();
    private readonly int _maxBatchSize;
    private readonly TimeSpan _writeTimeout;
    private Thread? _writer;
    private RecordChainHead? _head;
    private bool _disposed;
    private RecordCheckpointSigner? _signer;
    private ITimer? _checkpointTimer;

    // The head after the last stored batch while no checkpoint signs it: its writer, sequence and line's SHA-256.
    private (string Writer, long Sequence, string Hash)? _unsigned;
    private (string? Writer, long Sequence, DateTimeOffset At) _signed;
    private bool _lastCheckpointRead;

    /// <summary>Creates the sink: at most <paramref name="maxBatchSize"/> records a batch, each caller waiting at most <paramref name="writeTimeout"/>.</summary>
    protected BatchingDecisionRecordSink(int maxBatchSize, TimeSpan writeTimeout)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBatchSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(writeTimeout, TimeSpan.Zero);
        _maxBatchSize = maxBatchSize;
        _writeTimeout = writeTimeout;
    }

    /// <inheritdoc />
    public virtual string Name => GetType().Name;

    /// <summary>Opens the storage (<see cref="OpenStorage"/>) and starts the writer; throws when the storage cannot be opened.</summary>
    public void Open()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_writer is not null)
            {
                return;
            }

            _head = OpenStorage();
            _writer = new Thread(WriteLoop) { IsBackground = true, Name = "Powers records: " + Name };
            _writer.Start();
        }
    }

    /// <inheritdoc />
    public DecisionRecordWriteResult Write(DecisionRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var pending = Enqueue(record, out var refused);
        if (pending is null)
        {
            return refused!;
        }

        return pending.Stored.Wait(_writeTimeout) ? pending.Stored.Result : TimedOut();
    }

    /// <summary>Queues the record for the writer's next batch and awaits the batch, without holding the caller's thread.</summary>
    public async ValueTask<DecisionRecordWriteResult> WriteAsync(DecisionRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        return await EnqueueAndWaitAsync(record, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Checks that the storage could record now, without storing anything (<see cref="IDecisionRecordSink.ProbeAsync"/>):
    /// the writer thread, between batches, reads the chain's head from storage again (<see cref="ReadChainHead"/>;
    /// after a failed batch the next one continues from it) and asks <see cref="ProbeStorage"/>. A batch stored in
    /// the meantime answers the probe with its own result.
    /// </summary>
    public ValueTask<DecisionRecordWriteResult> ProbeAsync(CancellationToken cancellationToken) => EnqueueAndWaitAsync(null, cancellationToken);

    /// <summary>Queues a record (or, for null, a probe) for the writer thread and awaits its batch's result.</summary>
    private async ValueTask<DecisionRecordWriteResult> EnqueueAndWaitAsync(DecisionRecord? record, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var pending = Enqueue(record, out var refused);
        if (pending is null)
        {
            return refused!;
        }

        try
        {
            return await pending.Stored.WaitAsync(_writeTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            return TimedOut();
        }
    }

    /// <summary>
    /// Signs the chain's head now and then (<see cref="RecordCheckpoint"/>), on the writer thread between batches:
    /// once <see cref="RecordCheckpointSigner.Every"/> records were stored since the last checkpoint, at every
    /// <see cref="RecordCheckpointSigner.Interval"/> when any was, and when the sink is disposed; each is handed to
    /// <see cref="StoreCheckpoint"/>. A checkpoint that cannot be stored is tried again after the next batch or tick;
    /// records never wait on one. Call before the first record.
    /// </summary>
    internal void SignCheckpoints(RecordCheckpointSigner signer)
    {
        ArgumentNullException.ThrowIfNull(signer);
        lock (_gate)
        {
            _signer = signer;
            _signed = (null, 0, signer.Time.GetUtcNow());
            _checkpointTimer = signer.Time.CreateTimer(static s => ((BatchingDecisionRecordSink)s!).Tick(), this, signer.Interval, signer.Interval);
        }
    }

    /// <summary>Stops taking records, stores what is queued (for at most the write timeout), refuses the rest and closes the storage. Never throws.</summary>
    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Disposes the sink; see <see cref="Dispose()"/>.</summary>
    protected virtual void Dispose(bool disposing)
    {
        Thread? writer;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            writer = _writer;
            _queue.CompleteAdding();
        }

        _checkpointTimer?.Dispose();
        bool stopped = writer?.Join(_writeTimeout) ?? true;
        while (_queue.TryTake(out var left))
        {
            left.Complete(DecisionRecordWriteResult.NotRecorded(ShutDown));
        }

        if (stopped)
        {
            // The last records are signed as the host stops, so only those written after the last checkpoint of a
            // crashed host go unsigned.
            Checkpoint(force: true);
        }

        _signer?.Dispose();

        try
        {
            CloseStorage();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Closing loses nothing that was reported stored; disposing never throws.
        }

        _queue.Dispose();
    }

    /// <summary>
    /// Opens the storage when the host starts (or on the first record) and returns where its chain stands: the
    /// last stored record's writer, sequence number and link, or a new writer's start. Throws when the storage
    /// cannot record, which fails start-up.
    /// </summary>
    protected abstract RecordChainHead OpenStorage();

    /// <summary>
    /// After a failed batch, where the stored chain stands now (what the failure left stored may be all, some or
    /// none of the batch). Throws when the storage cannot be read, which fails the next batch too.
    /// </summary>
    protected abstract RecordChainHead ReadChainHead();

    /// <summary>
    /// Stores every record of the batch, in order, exactly as each <see cref="ChainedRecord.Line"/> is (the chain
    /// is a hash of those bytes), or none of them: <see cref="DecisionRecordWriteResult.Recorded"/> only when all
    /// are stored as the sink promises, otherwise why not. Called on the writer thread only, one batch at a time.
    /// </summary>
    protected abstract DecisionRecordWriteResult Store(IReadOnlyList<ChainedRecord> batch);

    /// <summary>
    /// On the writer thread, for <see cref="ProbeAsync"/>, after the chain's head was read from storage: anything
    /// else the storage must have to record (the file sink: room on its disk). Recorded by default.
    /// </summary>
    protected virtual DecisionRecordWriteResult ProbeStorage() => DecisionRecordWriteResult.Recorded;

    /// <summary>
    /// Stores a signed checkpoint line (<see cref="RecordCheckpoint"/>) where <c>powers replay --verify
    /// --trusted-key</c> finds it; throws when it cannot. Called on the writer thread (or when disposing, after it).
    /// </summary>
    private protected virtual void StoreCheckpoint(RecordCheckpoint checkpoint, byte[] line) => throw new NotSupportedException(Name + " does not store checkpoints");

    /// <summary>
    /// The sequence number of the record <paramref name="writer"/>'s last stored checkpoint signed, when the storage can
    /// say (a restarted writer continues from it); null when it cannot or there is none. Called on the writer thread
    /// before the first checkpoint; throws when the storage cannot be read (the checkpoint is then tried again later).
    /// </summary>
    private protected virtual long? LastCheckpoint(string writer) => null;

    /// <summary>Work done for one record on the deciding thread, so the writer thread only stores (for example a table's column values); null by default.</summary>
    protected virtual object? Prepare(DecisionRecord record) => null;

    /// <summary>
    /// <see cref="Prepare(DecisionRecord)"/> for a sink that can use the record as already serialized on the deciding
    /// thread: <paramref name="body"/> (the record's JSON without its closing brace, kept unchanged until the batch
    /// is stored) and where its <c>facts</c> object lies in it, so a column of the facts is cut, not written again.
    /// </summary>
    private protected virtual object? PrepareSerialized(DecisionRecord record, byte[] body, Range facts) => Prepare(record);

    /// <summary>Called on the writer thread when it stops on an exception (a defect): for the sink's log. By default nothing.</summary>
    protected virtual void WriterStopped(Exception exception)
    {
    }

    /// <summary>Closes the storage when the sink is disposed; by default nothing.</summary>
    protected virtual void CloseStorage()
    {
    }

    /// <summary>Queues a record, or a probe when <paramref name="record"/> is null; opens the sink first if need be.</summary>
    private PendingRecord? Enqueue(DecisionRecord? record, out DecisionRecordWriteResult? refused)
    {
        refused = null;
        if (Volatile.Read(ref _writer) is null)
        {
            try
            {
                Open();
            }
            catch (ObjectDisposedException)
            {
                refused = DecisionRecordWriteResult.NotRecorded(ShutDown);
                return null;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                refused = DecisionRecordWriteResult.NotRecorded(e.Message, e);
                return null;
            }
        }

        var pending = record is null ? PendingRecord.Probe() : Serialize(record);
        try
        {
            _queue.Add(pending);
        }
        catch (InvalidOperationException)
        {
            refused = DecisionRecordWriteResult.NotRecorded(ShutDown);
            return null;
        }

        return pending;
    }

    private PendingRecord Serialize(DecisionRecord record)
    {
        byte[] body = DecisionRecordJson.SerializeBody(record, out var facts);
        return new PendingRecord(body, record, PrepareSerialized(record, body, facts));
    }

    private string ShutDown => "the sink " + Name + " is shut down";

    private DecisionRecordWriteResult TimedOut() =>
        DecisionRecordWriteResult.NotRecorded(string.Create(CultureInfo.InvariantCulture, $"{Name} did not store the record within {_writeTimeout.TotalSeconds:0.###} s"));

    private void WriteLoop()
    {
        var batch = new List<PendingRecord>(_maxBatchSize);
        var probes = new List<PendingRecord>();
        var chained = new List<ChainedRecord>(_maxBatchSize);
        try
        {
            foreach (var first in _queue.GetConsumingEnumerable())
            {
                bool tick = first.IsTick;
                if (!tick)
                {
                    (first.IsProbe ? probes : batch).Add(first);
                }

                while (batch.Count < _maxBatchSize && _queue.TryTake(out var next))
                {
                    if (next.IsTick)
                    {
                        tick = true;
                        continue;
                    }

                    (next.IsProbe ? probes : batch).Add(next);
                }

                var result = batch.Count > 0 ? StoreLinked(batch, chained) : probes.Count > 0 ? ProbeLinked() : DecisionRecordWriteResult.Recorded;
                foreach (var pending in batch)
                {
                    pending.Complete(result);
                }

                foreach (var probe in probes)
                {
                    probe.Complete(result);
                }

                batch.Clear();
                probes.Clear();
                chained.Clear();
                Checkpoint(force: tick);
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Unreachable in practice (StoreLinked catches); fail whatever is waiting rather than leave it hanging.
            WriterStopped(e);
            foreach (var pending in batch.Concat(probes))
            {
                pending.Complete(DecisionRecordWriteResult.NotRecorded("the writer of " + Name + " stopped: " + e.Message, e));
            }
        }
    }

    /// <summary>Links the batch to the chain's head and stores it; the head moves on only when the whole batch is stored.</summary>
    private DecisionRecordWriteResult StoreLinked(List<PendingRecord> batch, List<ChainedRecord> chained)
    {
        try
        {
            var head = _head ??= ReadChainHead();
            long sequence = head.Sequence;
            string next = head.Next;
            foreach (var pending in batch)
            {
                sequence++;
                byte[] line = RecordChainLink.Append(pending.Body, head.Writer, sequence, next);
                next = RecordChainLink.HashOf(line);
                chained.Add(new ChainedRecord(pending.Record!, line, sequence, head.Writer, pending.Prepared));
            }

            var result = Store(chained) ?? DecisionRecordWriteResult.NotRecorded("the sink returned no result");
            _head = result.IsRecorded ? new RecordChainHead(head.Writer, sequence, next) : null;
            if (result.IsRecorded)
            {
                // The link the next record carries is the SHA-256 of this last line: what a checkpoint signs.
                _unsigned = (head.Writer, sequence, next);
            }

            return result;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            _head = null;
            return DecisionRecordWriteResult.NotRecorded(e.Message, e);
        }
    }

    /// <summary>Signs the head when a checkpoint is due (or <paramref name="force"/>d) and a stored record is not yet signed.</summary>
    private void Checkpoint(bool force)
    {
        if (_signer is not { } signer || _unsigned is not { } head)
        {
            return;
        }

        try
        {
            if (!_lastCheckpointRead)
            {
                // A restarted writer counts from its last stored checkpoint and names it in the next one.
                if (LastCheckpoint(head.Writer) is { } stored)
                {
                    _signed = (head.Writer, stored, _signed.At);
                }

                _lastCheckpointRead = true;
            }

            var now = signer.Time.GetUtcNow();
            long since = head.Sequence - (_signed.Writer == head.Writer ? _signed.Sequence : 0);
            if (!force && since < signer.Every && now - _signed.At < signer.Interval)
            {
                return;
            }

            long? previous = null;
            if (_signed.Writer == head.Writer && _signed.Sequence > 0 && _signed.Sequence < head.Sequence)
            {
                previous = _signed.Sequence;
            }

            var checkpoint = signer.Make(head.Writer, head.Sequence, head.Hash, previous);
            StoreCheckpoint(checkpoint, signer.Sign(checkpoint));
            _unsigned = null;
            _signed = (head.Writer, head.Sequence, now);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Records are stored and chained whatever becomes of a checkpoint; it is tried again after the next batch or tick.
            CheckpointFailures++;
        }
    }

    /// <summary>Checkpoints that could not be stored (each tried again later), for tests and diagnostics.</summary>
    internal int CheckpointFailures { get; private set; }

    private void Tick()
    {
        try
        {
            _queue.Add(PendingRecord.Tick());
        }
        catch (Exception e) when (e is InvalidOperationException or ObjectDisposedException)
        {
            // Disposed: the last checkpoint is written as the sink stops.
        }
    }

    /// <summary>Reads the chain's head from storage (kept when none is held, as after a failed batch) and asks <see cref="ProbeStorage"/>.</summary>
    private DecisionRecordWriteResult ProbeLinked()
    {
        try
        {
            var head = ReadChainHead();
            _head ??= head;
            return ProbeStorage() ?? DecisionRecordWriteResult.NotRecorded("the sink returned no result");
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return DecisionRecordWriteResult.NotRecorded(e.Message, e);
        }
    }

    private sealed class PendingRecord(byte[] body, DecisionRecord? record, object? prepared, bool tick = false)
    {
        private readonly TaskCompletionSource<DecisionRecordWriteResult> _stored = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public byte[] Body { get; } = body;

        /// <summary>The record; null for a probe.</summary>
        public DecisionRecord? Record { get; } = record;

        public bool IsProbe => Record is null && !IsTick;

        /// <summary>A checkpoint's timer went off: no record, nobody waiting.</summary>
        public bool IsTick { get; } = tick;

        public object? Prepared { get; } = prepared;

        public Task<DecisionRecordWriteResult> Stored => _stored.Task;

        public void Complete(DecisionRecordWriteResult result) => _stored.TrySetResult(result);

        public static PendingRecord Probe() => new([], null, null);

        public static PendingRecord Tick() => new([], null, null, tick: true);
    }
}
