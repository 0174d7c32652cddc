using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace Powers.Hosting.Reloading;

/// <summary>
/// Watches a rules directory and calls a reload once the files have been quiet for the reload delay, on one
/// background loop: a burst of file events gives one reload, and reloads never overlap. Events that arrive
/// while a reload runs queue exactly one more. Edits that never stop still reload after
/// <see cref="MaxDelayFactor"/> quiet periods, so a reload cannot be put off forever.
/// The directory may be replaced as a whole (removed and copied again, a staged directory moved into place, a
/// symbolic link swapped): a second watcher on the parent notices its name changing, and a check every
/// <see cref="RecheckInterval"/> notices a link that now leads elsewhere; either way the directory is watched
/// again and read again.
/// </summary>
internal sealed class RulesDirectoryWatcher : IDisposable
{
    /// <summary>A reload waits at most this many reload delays while events keep coming.</summary>
    public const int MaxDelayFactor = 10;

    /// <summary>How often the watcher checks that it still watches what the directory's path leads to.</summary>
    public static readonly TimeSpan RecheckInterval = TimeSpan.FromSeconds(2);

    private readonly Channel<bool> _signals = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _gate = new();
    private readonly TimeSpan _delay;
    private readonly TimeProvider _time;
    private readonly Func<ReloadOutcome> _reload;
    private readonly ILogger _logger;
    private readonly string _directory;
    private readonly FileSystemWatcher? _parentWatcher;
    private readonly ITimer _recheck;
    private readonly Task _loop;
    private FileSystemWatcher? _watcher;
    private string? _watchedTarget;
    private bool _disposed;

    public RulesDirectoryWatcher(string directory, TimeSpan delay, TimeProvider time, Func<ReloadOutcome> reload, ILogger logger)
    {
        _directory = Path.TrimEndingDirectorySeparator(directory);
        _delay = delay;
        _time = time;
        _reload = reload;
        _logger = logger;
        Rewatch();
        if (Path.GetDirectoryName(_directory) is { Length: > 0 } parent && Directory.Exists(parent))
        {
            _parentWatcher = new FileSystemWatcher(parent) { IncludeSubdirectories = false, NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName };
            _parentWatcher.Created += OnParentChanged;
            _parentWatcher.Deleted += OnParentChanged;
            _parentWatcher.Renamed += OnParentChanged;
            _parentWatcher.Error += OnError;
            _parentWatcher.EnableRaisingEvents = true;
        }

        _recheck = time.CreateTimer(static state => ((RulesDirectoryWatcher)state!).Recheck(), this, RecheckInterval, RecheckInterval);
        _loop = Task.Run(RunAsync);
    }

    /// <summary>Asks for a reload after the quiet period, as a file event does.</summary>
    public void Signal() => _signals.Writer.TryWrite(true);

    /// <inheritdoc />
    public void Dispose()
    {
        FileSystemWatcher? watcher;
        lock (_gate)
        {
            _disposed = true;
            watcher = _watcher;
            _watcher = null;
        }

        _recheck.Dispose();
        if (_parentWatcher is not null)
        {
            _parentWatcher.EnableRaisingEvents = false;
            _parentWatcher.Dispose();
        }

        Stop(watcher);
        _stopping.Cancel();
        _signals.Writer.TryComplete();
        try
        {
            // A reload in progress finishes (compiles are bounded); the loop then sees the cancellation.
            _loop.Wait(TimeSpan.FromSeconds(10));
        }
        catch (AggregateException)
        {
            // The loop ended by cancellation.
        }

        _stopping.Dispose();
    }

    private static void Stop(FileSystemWatcher? watcher)
    {
        if (watcher is not null)
        {
            watcher.EnableRaisingEvents = false;
            watcher.Dispose();
        }
    }

    /// <summary>Watches what the directory's path leads to now (none while it is missing).</summary>
    private void Rewatch()
    {
        FileSystemWatcher? old;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            old = _watcher;
            _watcher = null;
            _watchedTarget = Target();
            try
            {
                if (Directory.Exists(_directory))
                {
                    var watcher = new FileSystemWatcher(_directory)
                    {
                        IncludeSubdirectories = true,
                        NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.CreationTime,
                    };
                    watcher.Changed += OnChanged;
                    watcher.Created += OnChanged;
                    watcher.Deleted += OnChanged;
                    watcher.Renamed += OnChanged;
                    watcher.Error += OnError;
                    watcher.EnableRaisingEvents = true;
                    _watcher = watcher;
                }
            }
            catch (Exception e) when (e is IOException or ArgumentException or UnauthorizedAccessException)
            {
                // Gone again between the check and the watch; the parent watcher or the recheck tries again.
                PowersLog.WatcherError(_logger, e, _directory);
            }
        }

        Stop(old);
    }

    /// <summary>Where the directory's path leads now (a swapped link leads elsewhere), or null when it is missing.</summary>
    private string? Target()
    {
        try
        {
            var info = new DirectoryInfo(_directory);
            if (!info.Exists)
            {
                return null;
            }

            return info.LinkTarget is null ? info.FullName : info.ResolveLinkTarget(returnFinalTarget: true)?.FullName;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private void Recheck()
    {
        string? target = Target();
        bool stale;
        lock (_gate)
        {
            stale = !_disposed && ((_watcher is null) != (target is null) || !string.Equals(_watchedTarget, target, StringComparison.Ordinal));
        }

        if (stale)
        {
            Rewatch();
            Signal();
        }
    }

    private void OnChanged(object sender, FileSystemEventArgs e) => Signal();

    private void OnParentChanged(object sender, FileSystemEventArgs e)
    {
        string name = Path.GetFileName(_directory);
        if (e.Name == name || (e is RenamedEventArgs renamed && renamed.OldName == name))
        {
            Rewatch();
            Signal();
        }
    }

    private void OnError(object sender, ErrorEventArgs e)
    {
        // An overflow loses events, and a watched directory that is removed ends its watch: watch and read again.
        PowersLog.WatcherError(_logger, e.GetException(), _directory);
        Rewatch();
        Signal();
    }

    private async Task RunAsync()
    {
        var token = _stopping.Token;
        var reader = _signals.Reader;
        var maxDelay = _delay * MaxDelayFactor;
        try
        {
            while (await reader.WaitToReadAsync(token).ConfigureAwait(false))
            {
                reader.TryRead(out _);
                long first = _time.GetTimestamp();
                do
                {
                    await Task.Delay(_delay, _time, token).ConfigureAwait(false);
                }
                while (reader.TryRead(out _) && _time.GetElapsedTime(first) < maxDelay);

                ReloadOutcome outcome;
                try
                {
                    outcome = _reload();
                }
                catch (Exception e) when (e is not OperationCanceledException and not ObjectDisposedException)
                {
                    PowersLog.ReloadCrashed(_logger, e, _directory);
                    continue;
                }

                if (outcome == ReloadOutcome.Superseded)
                {
                    Signal();
                }
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // Stopped.
        }
        catch (ObjectDisposedException)
        {
            // The service was disposed under a reload.
        }
    }
}
