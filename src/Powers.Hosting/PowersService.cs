using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Powers.Compilation;
using Powers.Decisions;
using Powers.Diagnostics;
using Powers.Evaluation;
using Powers.Hosting.Loading;
using Powers.Hosting.Reloading;
using Powers.Hosting.Telemetry;
using Powers.Queries;

namespace Powers.Hosting;

/// <summary>
/// The singleton behind <see cref="IPowersService"/>. The library in service is one immutable
/// <see cref="PowersSnapshot"/> behind a single reference: a reload reads the files into memory, compiles them
/// on the watcher's background loop, and only a library without errors, whose files did not change while it
/// was compiled, replaces the reference. Queries read the reference once and use that snapshot throughout.
/// </summary>
internal sealed class PowersService : IPowersService, IDisposable
{
    private readonly PowersOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly DecisionRecorder _recorder;
    private readonly PowersMetrics _metrics;
    private readonly LibrarySource _source;
    private readonly Decisions.DecisionDetail _detail;
    private readonly Powers.Analysis.AnalysisBudget _budget;
    private readonly TrustedKey[] _trustedKeys;
    private readonly Lock _initGate = new();
    private readonly Lock _reloadGate = new();
    private PowersSnapshot? _current;
    private ReloadFailure? _lastFailure;
    private string? _lastRejected;
    private RulesDirectoryWatcher? _watcher;
    private int _compilations;
    private bool _disposed;

    public PowersService(IOptions<PowersOptions> options, TimeProvider time, ILogger<PowersService> logger, DecisionRecorder recorder, PowersMetrics metrics, IServiceProvider services)
    {
        _metrics = metrics;
        _options = options.Value;
        _time = time;
        _logger = logger;
        _recorder = recorder;
        _detail = _options.Detail;
        _budget = new Powers.Analysis.AnalysisBudget { MaxSteps = _options.ExplainMaxSteps, TimeLimit = _options.ExplainTimeLimit, TimeProvider = time };
        var environment = (IHostEnvironment?)services.GetService(typeof(IHostEnvironment));
        _source = string.IsNullOrWhiteSpace(_options.RulesDirectory)
            ? LibrarySource.Embedded
            : LibrarySource.FromDirectory(PowersPaths.Resolve(_options.RulesDirectory, environment));
        // The options were validated when they were created (every key readable and P-256), so this does not throw.
        _trustedKeys = _options.TrustedKeys.Select(path => TrustedKey.FromPemFile(PowersPaths.Resolve(path, environment))).ToArray();
    }

    /// <inheritdoc />
    public PowersSnapshot Current => Volatile.Read(ref _current) ?? Initialize();

    /// <inheritdoc />
    public ReloadFailure? LastReloadFailure => Volatile.Read(ref _lastFailure);

    /// <summary>How many times a library has been compiled (for tests of the quiet period).</summary>
    internal int Compilations => Volatile.Read(ref _compilations);

    /// <summary>Whether the rules directory is watched.</summary>
    internal bool IsWatching => _watcher is not null;

    /// <inheritdoc />
    public PowersAnswer Decide(string queryJson)
    {
        ArgumentNullException.ThrowIfNull(queryJson);
        long started = _metrics.Start(_time);
        using var activity = PowersActivities.Source.StartActivity(PowersTelemetry.DecideActivity);
        var snapshot = Current;
        var read = snapshot.Engine.Read(queryJson);
        return Answer(snapshot, read, Given(read) ? QueryDocument.Compact(queryJson) : null, started, activity);
    }

    /// <inheritdoc />
    public PowersAnswer Decide(ReadOnlySpan<byte> utf8QueryJson)
    {
        long started = _metrics.Start(_time);
        using var activity = PowersActivities.Source.StartActivity(PowersTelemetry.DecideActivity);
        var snapshot = Current;
        var read = snapshot.Engine.Read(utf8QueryJson);
        return Answer(snapshot, read, Given(read) ? QueryDocument.Compact(utf8QueryJson) : null, started, activity);
    }

    /// <inheritdoc />
    public async Task<PowersAnswer> DecideAsync(string queryJson, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(queryJson);
        cancellationToken.ThrowIfCancellationRequested();
        long started = _metrics.Start(_time);
        using var activity = PowersActivities.Source.StartActivity(PowersTelemetry.DecideActivity);
        var snapshot = Current;
        var read = snapshot.Engine.Read(queryJson);
        return await AnswerAsync(snapshot, read, Given(read) ? QueryDocument.Compact(queryJson) : null, started, activity, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<PowersAnswer> DecideAsync(ReadOnlyMemory<byte> utf8QueryJson, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        long started = _metrics.Start(_time);
        using var activity = PowersActivities.Source.StartActivity(PowersTelemetry.DecideActivity);
        var snapshot = Current;
        var read = snapshot.Engine.Read(utf8QueryJson.Span);
        return await AnswerAsync(snapshot, read, Given(read) ? QueryDocument.Compact(utf8QueryJson.Span) : null, started, activity, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Whether the query as given is kept for its record: only a query that is decided and recorded.</summary>
    private bool Given(QueryResult read) => read.Query is not null && _recorder.Enabled;

    private async Task<PowersAnswer> AnswerAsync(PowersSnapshot snapshot, QueryResult read, byte[]? given, long started, System.Diagnostics.Activity? activity, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        string id = DecisionIds.Next(now);
        if (read.Query is not { } query)
        {
            return Measured(new PowersAnswer(id, now, snapshot, null, read.Errors, _detail, _budget), started, activity);
        }

        var decision = snapshot.Engine.Decide(query);
        if (_recorder.Enabled)
        {
            try
            {
                // Awaited, not blocked on; an unrecorded decision is still never returned.
                await _recorder.RecordAsync(new DecisionRecord(id, now, snapshot.Sha256, decision, query.Situation, given ?? QueryDocument.Of(query)), cancellationToken).ConfigureAwait(false);
            }
            catch (DecisionNotRecordedException e)
            {
                Refused(e, started, activity);
                throw;
            }
            catch (OperationCanceledException)
            {
                Unanswered("cancelled", id, started, activity, "the caller cancelled before the decision was recorded");
                throw;
            }
        }

        return Measured(new PowersAnswer(id, now, snapshot, decision, [], _detail, _budget), started, activity);
    }

    private PowersAnswer Answer(PowersSnapshot snapshot, QueryResult read, byte[]? given, long started, System.Diagnostics.Activity? activity)
    {
        var now = _time.GetUtcNow();
        string id = DecisionIds.Next(now);
        try
        {
            var answer = read.Query is { } query ? DecideCore(id, now, snapshot, query, query.Situation, given) : new PowersAnswer(id, now, snapshot, null, read.Errors, _detail, _budget);
            return Measured(answer, started, activity);
        }
        catch (DecisionNotRecordedException e)
        {
            Refused(e, started, activity);
            throw;
        }
    }

    /// <inheritdoc />
    public PowersAnswer Decide(PowersSnapshot snapshot, Query query)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(query);
        var library = snapshot.Library;
        bool ownDesignation = query.Designation.Id is not { } designationId || (library.TryGetDesignation(designationId, out var designation) && ReferenceEquals(designation, query.Designation));
        if (!ReferenceEquals(query.Situation.Schema, library.Schema) || !ownDesignation || (query.Version is not null && !library.Versions.Contains(query.Version)))
        {
            throw new ArgumentException("The query was resolved against another rule library than the snapshot's.", nameof(query));
        }

        long started = _metrics.Start(_time);
        using var activity = PowersActivities.Source.StartActivity(PowersTelemetry.DecideActivity);
        var now = _time.GetUtcNow();
        try
        {
            var answer = DecideCore(DecisionIds.Next(now), now, snapshot, query, query.Situation.Clone(), given: null);
            return Measured(answer, started, activity);
        }
        catch (DecisionNotRecordedException e)
        {
            Refused(e, started, activity);
            throw;
        }
    }

    /// <inheritdoc />
    public Task<bool> ReloadAsync(CancellationToken cancellationToken = default)
    {
        if (_source.Directory is null)
        {
            return Task.FromResult(false);
        }

        return Task.Run(
            () =>
            {
                _ = Current;
                return Reload() == ReloadOutcome.Swapped;
            },
            cancellationToken);
    }

    /// <summary>Loads the library if it is not loaded yet; throws <see cref="RuleCompilationException"/> when it has errors.</summary>
    internal PowersSnapshot Initialize()
    {
        lock (_initGate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_current is { } existing)
            {
                return existing;
            }

            // Watch before reading, so that no change between the read and the watch is missed.
            RulesDirectoryWatcher? watcher = null;
            if (_options.WatchForChanges && _source.Directory is { } directory)
            {
                watcher = new RulesDirectoryWatcher(directory, _options.ReloadDelay, _time, Reload, _logger);
            }

            try
            {
                long started = _time.GetTimestamp();
                LibraryContent content;
                try
                {
                    content = _source.Read();
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    PowersLog.LibraryUnreadable(_logger, e, _source.Name);
                    throw;
                }

                if (Verify(content) is { Count: > 0 } refused)
                {
                    LogDiagnostics(refused);
                    string first = MsBuildFormatter.Format(refused[0]);
                    PowersLog.LibraryRejected(_logger, _source.Name, refused.Count, first);
                    throw new RuleCompilationException(refused);
                }

                var result = Compile(content);
                LogDiagnostics(result.Diagnostics);
                if (!result.Success)
                {
                    int errorCount = CountErrors(result.Diagnostics);
                    PowersLog.LibraryLoadFailed(_logger, _source.Name, errorCount);
                    throw new RuleCompilationException(result.Diagnostics);
                }

                var snapshot = new PowersSnapshot(new PowersEngine(result.Library!), content.Sha256, _source.Name, _time.GetUtcNow(), 1, result.Diagnostics);
                long elapsed = (long)_time.GetElapsedTime(started).TotalMilliseconds;
                int versions = snapshot.Library.Versions.Count;
                int designations = snapshot.Library.Designations.Count;
                PowersLog.LibraryLoaded(_logger, _source.Name, snapshot.Sha256, versions, designations, elapsed);
                if (watcher is not null)
                {
                    PowersLog.WatchStarted(_logger, _source.Name, _options.ReloadDelay.TotalMilliseconds);
                }

                _watcher = watcher;
                watcher = null;
                Volatile.Write(ref _current, snapshot);
                _metrics.LibraryInService(snapshot);
                return snapshot;
            }
            finally
            {
                watcher?.Dispose();
            }
        }
    }

    /// <summary>One reload attempt, measured and traced; attempts never overlap.</summary>
    internal ReloadOutcome Reload()
    {
        using var activity = PowersActivities.Source.StartActivity(PowersTelemetry.ReloadActivity);
        var outcome = ReloadOutcome.Failed;
        try
        {
            outcome = ReloadCore();
            return outcome;
        }
        finally
        {
            _metrics.Reloaded(outcome);
            PowersMetrics.Tag(activity, outcome);
            if (outcome == ReloadOutcome.Swapped)
            {
                _metrics.LibraryInService(Current);
            }
        }
    }

    private ReloadOutcome ReloadCore()
    {
        lock (_reloadGate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (Volatile.Read(ref _current) is not { } current)
            {
                // Still loading at start: try again after the quiet period, when the first library is in.
                return ReloadOutcome.Superseded;
            }

            long started = _time.GetTimestamp();
            LibraryContent content;
            try
            {
                content = _source.Read();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Volatile.Write(ref _lastFailure, new ReloadFailure(_time.GetUtcNow(), null, e.Message, []));
                PowersLog.ReloadUnreadable(_logger, e, _source.Name, current.Sha256);
                return ReloadOutcome.Failed;
            }

            if (content.Sha256 == current.Sha256)
            {
                Volatile.Write(ref _lastFailure, null);
                PowersLog.ReloadUnchanged(_logger, _source.Name, current.Sha256);
                return ReloadOutcome.Unchanged;
            }

            string? signature = _trustedKeys.Length > 0 && _source.Directory is { } signed ? content.Sha256 + "/" + LibrarySignature.Fingerprint(signed) : null;
            if (LastReloadFailure?.Sha256 == content.Sha256)
            {
                // Already reported; a library refused for its signature is tried again once it is signed again.
                if (_lastRejected is null)
                {
                    return ReloadOutcome.Failed;
                }

                if (_lastRejected == signature)
                {
                    return ReloadOutcome.Rejected;
                }
            }

            if (ChangedSince(content))
            {
                // A torn read (files rewritten while they were read) must neither be served nor reported. Checked
                // before compiling, so that edits during a compile do not throw it away: they reload next.
                PowersLog.ReloadSuperseded(_logger, _source.Name);
                return ReloadOutcome.Superseded;
            }

            if (Verify(content) is { Count: > 0 } refused)
            {
                LogDiagnostics(refused);
                string first = MsBuildFormatter.Format(refused[0]);
                Volatile.Write(ref _lastFailure, new ReloadFailure(_time.GetUtcNow(), content.Sha256, "the library's signature does not verify (" + refused.Count + " problem(s)); the first: " + first, refused));
                _lastRejected = signature;
                PowersLog.ReloadRejected(_logger, _source.Name, refused.Count, first, current.Sha256);
                return ReloadOutcome.Rejected;
            }

            _lastRejected = null;
            var result = Compile(content);

            LogDiagnostics(result.Diagnostics);
            if (!result.Success)
            {
                var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
                string message = errors.Length + " error(s); the first: " + MsBuildFormatter.Format(errors.Length > 0 ? errors[0] : result.Diagnostics[0]);
                Volatile.Write(ref _lastFailure, new ReloadFailure(_time.GetUtcNow(), content.Sha256, message, result.Diagnostics));
                PowersLog.ReloadFailed(_logger, _source.Name, errors.Length, current.Sha256);
                return ReloadOutcome.Failed;
            }

            var next = new PowersSnapshot(new PowersEngine(result.Library!), content.Sha256, _source.Name, _time.GetUtcNow(), current.Generation + 1, result.Diagnostics);
            Volatile.Write(ref _current, next);
            Volatile.Write(ref _lastFailure, null);
            long elapsed = (long)_time.GetElapsedTime(started).TotalMilliseconds;
            PowersLog.ReloadSucceeded(_logger, _source.Name, current.Sha256, next.Sha256, next.Generation, elapsed);
            return ReloadOutcome.Swapped;
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        RulesDirectoryWatcher? watcher;
        lock (_initGate)
        {
            _disposed = true;
            watcher = _watcher;
            _watcher = null;
        }

        watcher?.Dispose();
    }

    private PowersAnswer Measured(PowersAnswer answer, long started, System.Diagnostics.Activity? activity)
    {
        string result = answer.Succeeded ? "decided" : "bad-input";
        _metrics.Answered(result, answer.Decision, _time, started);
        if (activity is not null)
        {
            activity.SetTag("powers.decision.id", answer.DecisionId);
            activity.SetTag("powers.result", result);
            activity.SetTag("powers.library.sha256", answer.Snapshot.Sha256);
            if (answer.Decision is { } decision)
            {
                activity.SetTag("powers.ruleset", decision.Version?.Id);
                activity.SetTag("powers.designation", decision.Designation.Id);
            }
        }

        return answer;
    }

    private void Refused(DecisionNotRecordedException e, long started, System.Diagnostics.Activity? activity) =>
        Unanswered("not-recorded", e.DecisionId, started, activity, e.Message);

    private void Unanswered(string result, string decisionId, long started, System.Diagnostics.Activity? activity, string why)
    {
        _metrics.Answered(result, null, _time, started);
        if (activity is not null)
        {
            activity.SetTag("powers.decision.id", decisionId);
            activity.SetTag("powers.result", result);
            activity.SetStatus(System.Diagnostics.ActivityStatusCode.Error, why);
        }
    }

    private PowersAnswer DecideCore(string id, DateTimeOffset now, PowersSnapshot snapshot, Query query, Situation facts, byte[]? given)
    {
        var decision = snapshot.Engine.Decide(query);
        if (_recorder.Enabled)
        {
            // Throws when a sink cannot record it: an unrecorded decision is never returned.
            _recorder.Record(new DecisionRecord(id, now, snapshot.Sha256, decision, facts, given ?? QueryDocument.Of(query)));
        }

        return new PowersAnswer(id, now, snapshot, decision, [], _detail, _budget);
    }

    /// <summary>
    /// The signature problems of the files read (empty when they verify, or when no key is trusted: then the log says
    /// the library is served unsigned). Verified before anything is compiled, on the very bytes that are compiled.
    /// </summary>
    private IReadOnlyList<Diagnostic> Verify(LibraryContent content)
    {
        if (_source.Directory is not { } directory)
        {
            PowersLog.LibraryEmbedded(_logger);
            return [];
        }

        if (_trustedKeys.Length == 0)
        {
            PowersLog.LibraryUnsigned(_logger, _source.Name);
            return [];
        }

        var refused = LibrarySignature.Verify(directory, content.Files, _trustedKeys, out string? keyId);
        if (refused.Count == 0)
        {
            PowersLog.LibraryVerified(_logger, _source.Name, keyId!);
        }

        return refused;
    }

    private CompilationResult Compile(LibraryContent content)
    {
        Interlocked.Increment(ref _compilations);
        return LibraryCompiler.Compile(content.Files);
    }

    private bool ChangedSince(LibraryContent content)
    {
        try
        {
            return _source.Read().Sha256 != content.Sha256;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return true;
        }
    }

    private void LogDiagnostics(IReadOnlyList<Diagnostic> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
        {
            var level = diagnostic.Severity switch
            {
                DiagnosticSeverity.Error => LogLevel.Error,
                DiagnosticSeverity.Warning => LogLevel.Warning,
                _ => LogLevel.Debug,
            };
            if (_logger.IsEnabled(level))
            {
                string text = MsBuildFormatter.Format(diagnostic);
                PowersLog.LibraryDiagnostic(_logger, level, text);
            }
        }
    }

    private static int CountErrors(IReadOnlyList<Diagnostic> diagnostics) => diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);
}
