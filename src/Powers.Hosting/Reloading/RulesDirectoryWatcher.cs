using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace Powers.Hosting.Reloading;

/// <summary>
/// Watches a rules directory and calls a reload once the files have been quiet for the reload delay, on one
/// background loop: a burst of file events gives one reload, and reloads never overlap. Events that arrive
/// while a reload runs queue exactly one more.
/// </summary>
internal sealed class RulesDirectoryWatcher : IDisposable
{
    private readonly FileSystemWatcher _watcher;
    private readonly Channel<bool> _signals = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });
    private readonly CancellationTokenSource _stopping = new();
    private readonly TimeSpan _delay;
    private readonly TimeProvider _time;
    private readonly Func<ReloadOutcome> _reload;
    private readonly ILogger _logger;
    private readonly string _directory;
    private readonly Task _loop;

    public RulesDirectoryWatcher(string directory, TimeSpan delay, TimeProvider time, Func<ReloadOutcome> reload, ILogger logger)
    {
        _directory = directory;
        _delay = delay;
        _time = time;
        _reload = reload;
        _logger = logger;
        _watcher = new FileSystemWatcher(directory)
        {
            IncludeSubdirectories = true,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.CreationTime,
        };
        _watcher.Changed += OnChanged;
        _watcher.Created += OnChanged;
        _watcher.Deleted += OnChanged;
        _watcher.Renamed += OnChanged;
        _watcher.Error += OnError;
        _watcher.EnableRaisingEvents = true;
        _loop = Task.Run(RunAsync);
    }

    /// <summary>Asks for a reload after the quiet period, as a file event does.</summary>
    public void Signal() => _signals.Writer.TryWrite(true);

    /// <inheritdoc />
    public void Dispose()
    {
        _watcher.EnableRaisingEvents = false;
        _watcher.Dispose();
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

    private void OnChanged(object sender, FileSystemEventArgs e) => Signal();

    private void OnError(object sender, ErrorEventArgs e)
    {
        // An overflow loses events; reading the whole directory again recovers.
        PowersLog.WatcherError(_logger, e.GetException(), _directory);
        Signal();
    }

    private async Task RunAsync()
    {
        var token = _stopping.Token;
        var reader = _signals.Reader;
        try
        {
            while (await reader.WaitToReadAsync(token).ConfigureAwait(false))
            {
                reader.TryRead(out _);
                do
                {
                    await Task.Delay(_delay, _time, token).ConfigureAwait(false);
                }
                while (reader.TryRead(out _));

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
