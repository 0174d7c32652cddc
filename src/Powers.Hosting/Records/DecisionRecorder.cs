using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Powers.Hosting.Telemetry;

namespace Powers.Hosting;

/// <summary>
/// Hands each decision record to every registered sink and fails the decision when one cannot record it
/// (records fail closed). Remembers the last failure, for the health check, until a record is written again or,
/// in the background, every sink answers a probe (<see cref="IDecisionRecordSink.ProbeAsync"/>): the first probe
/// <see cref="FirstProbeDelay"/> after the failure, then twice as long after each refusal, up to
/// <see cref="MaxProbeDelay"/>, on the host's <see cref="TimeProvider"/>. A probe decides nothing: while the sink
/// is down every decision still fails on its own record.
/// </summary>
internal sealed class DecisionRecorder : IDisposable
{
    /// <summary>How long after a failed record the sinks are first probed.</summary>
    public static readonly TimeSpan FirstProbeDelay = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between probes.</summary>
    public static readonly TimeSpan MaxProbeDelay = TimeSpan.FromSeconds(30);

    private readonly CancellationTokenSource _stopping = new();
    private int _probing;
    private readonly IDecisionRecordSink[] _sinks;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly PowersMetrics _metrics;
    private DecisionRecordFailure? _failure;

    public DecisionRecorder(IOptions<PowersOptions> options, IEnumerable<IDecisionRecordSink> sinks, TimeProvider time, ILogger<DecisionRecorder> logger, PowersMetrics metrics)
    {
        _metrics = metrics;
        Enabled = options.Value.RecordDecisions;
        _sinks = Enabled ? WithoutFallbackLog(sinks.ToArray()) : [];
        _time = time;
        _logger = logger;
    }

    /// <summary>Whether decisions are recorded.</summary>
    public bool Enabled { get; }

    /// <summary>The last failure to record, or null when the last record was written (or none was tried).</summary>
    public DecisionRecordFailure? LastFailure => Volatile.Read(ref _failure);

    /// <summary>Opens every sink; throws <see cref="DecisionRecordSinkUnavailableException"/> for the first that cannot record.</summary>
    public void Open()
    {
        foreach (var sink in _sinks)
        {
            string name = NameOf(sink);
            try
            {
                sink.Open();
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                PowersLog.DecisionRecordsUnavailable(_logger, e, name, e.Message);
                throw new DecisionRecordSinkUnavailableException(name, e.Message, e);
            }
        }
    }

    /// <summary>Logs where decisions are recorded (every sink: a file's full path, the log, a sink's name), or that they are not.</summary>
    public void LogWhere()
    {
        if (!Enabled)
        {
            PowersLog.DecisionRecordsOff(_logger);
            return;
        }

        string where = string.Join(" and ", _sinks.Select(static s => s is DefaultDecisionRecordSink d ? d.Where : NameOf(s)));
        PowersLog.DecisionRecordsTo(_logger, where);
    }

    /// <summary>Writes a record to every sink; throws <see cref="DecisionNotRecordedException"/> when one cannot record it.</summary>
    public void Record(DecisionRecord record)
    {
        foreach (var sink in _sinks)
        {
            DecisionRecordWriteResult result;
            try
            {
                result = sink.Write(record) ?? NoResult;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                result = DecisionRecordWriteResult.NotRecorded(e.Message, e);
            }

            Check(sink, record, result);
        }

        Recovered();
    }

    /// <summary>
    /// Writes a record to every sink as <see cref="Record"/> does, awaiting each sink's
    /// <see cref="IDecisionRecordSink.WriteAsync"/> so the caller's thread is free while records are stored.
    /// Throws <see cref="DecisionNotRecordedException"/> when a sink cannot record it, and
    /// <see cref="OperationCanceledException"/> when <paramref name="cancellationToken"/> stops the wait.
    /// </summary>
    public async ValueTask RecordAsync(DecisionRecord record, CancellationToken cancellationToken)
    {
        foreach (var sink in _sinks)
        {
            DecisionRecordWriteResult result;
            try
            {
                result = await sink.WriteAsync(record, cancellationToken).ConfigureAwait(false) ?? NoResult;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                result = DecisionRecordWriteResult.NotRecorded(e.Message, e);
            }

            Check(sink, record, result);
        }

        Recovered();
    }

    private static DecisionRecordWriteResult NoResult => DecisionRecordWriteResult.NotRecorded("the sink returned no result");

    private void Check(IDecisionRecordSink sink, DecisionRecord record, DecisionRecordWriteResult result)
    {
        if (result.IsRecorded)
        {
            _metrics.RecordWritten(sink.GetType().Name);
            return;
        }

        _metrics.RecordFailed(sink.GetType().Name);
        string name = NameOf(sink);
        string reason = result.Reason!;
        Volatile.Write(ref _failure, new DecisionRecordFailure(_time.GetUtcNow(), name, reason));
        PowersLog.DecisionRecordFailed(_logger, result.Exception, record.DecisionId, name, reason);
        StartProbing();
        throw new DecisionNotRecordedException(record.DecisionId, name, reason, result.Exception);
    }

    private void Recovered()
    {
        if (Volatile.Read(ref _failure) is not null)
        {
            Volatile.Write(ref _failure, null);
        }
    }

    /// <summary>Stops the background probe.</summary>
    public void Dispose()
    {
        _stopping.Cancel();
        _stopping.Dispose();
    }

    /// <summary>Starts the background probe unless one runs.</summary>
    private void StartProbing()
    {
        if (Interlocked.CompareExchange(ref _probing, 1, 0) != 0)
        {
            return;
        }

        Task first;
        CancellationToken stopping;
        try
        {
            stopping = _stopping.Token;

            // The first wait starts on the clock now, before the failed decision returns: a fake clock moved on after
            // the failure always reaches it.
            first = Task.Delay(FirstProbeDelay, _time, stopping);
        }
        catch (ObjectDisposedException)
        {
            Volatile.Write(ref _probing, 0);
            return;
        }

        _ = Task.Run(() => ProbeUntilRecoveredAsync(first, stopping), CancellationToken.None);
    }

    private async Task ProbeUntilRecoveredAsync(Task wait, CancellationToken stopping)
    {
        try
        {
            var delay = FirstProbeDelay;
            while (Volatile.Read(ref _failure) is { } failure)
            {
                await wait.ConfigureAwait(false);
                if (await ProbeSinksAsync(stopping).ConfigureAwait(false) is { } refused)
                {
                    delay = delay * 2 < MaxProbeDelay ? delay * 2 : MaxProbeDelay;
                    wait = Task.Delay(delay, _time, stopping);
                    PowersLog.DecisionRecordsProbeRefused(_logger, refused.Sink, refused.Reason, delay);
                    continue;
                }

                // Only the failure this probe answered is cleared: one a decision met meanwhile stands, and is probed again.
                if (Interlocked.CompareExchange(ref _failure, null, failure) == failure)
                {
                    PowersLog.DecisionRecordsRecovered(_logger, failure.Sink);
                }

                delay = FirstProbeDelay;
                wait = Task.Delay(delay, _time, stopping);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            return;
        }
        finally
        {
            Volatile.Write(ref _probing, 0);
        }

        // A record may have failed after the loop saw none and before the flag was down.
        if (Volatile.Read(ref _failure) is not null && !stopping.IsCancellationRequested)
        {
            StartProbing();
        }
    }

    /// <summary>Probes every sink; the first refusal, or null when all could record.</summary>
    private async Task<DecisionRecordFailure?> ProbeSinksAsync(CancellationToken stopping)
    {
        foreach (var sink in _sinks)
        {
            DecisionRecordWriteResult result;
            try
            {
                result = await sink.ProbeAsync(stopping).ConfigureAwait(false) ?? NoResult;
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                result = DecisionRecordWriteResult.NotRecorded(e.Message, e);
            }

            if (!result.IsRecorded)
            {
                return new DecisionRecordFailure(_time.GetUtcNow(), NameOf(sink), result.Reason!);
            }
        }

        return null;
    }

    private static string NameOf(IDecisionRecordSink sink)
    {
        try
        {
            return sink.Name;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return sink.GetType().Name;
        }
    }

    /// <summary>
    /// The log is where records go when nothing else takes them: once another sink is added (a database), the
    /// default sink stands aside unless it writes the file at <see cref="PowersOptions.DecisionRecordsPath"/>.
    /// </summary>
    private static IDecisionRecordSink[] WithoutFallbackLog(IDecisionRecordSink[] sinks) =>
        sinks.Length > 1 ? Array.FindAll(sinks, static s => s is not DefaultDecisionRecordSink { WritesToLog: true }) : sinks;
}
