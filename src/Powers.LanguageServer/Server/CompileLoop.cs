namespace Powers.LanguageServer.Server;

/// <summary>
/// Runs the compile step on one background loop: a request wakes it, it waits a quiet period so a burst of edits
/// compiles once, and requests that arrive while it compiles make it run once more, never twice at a time.
/// </summary>
internal sealed class CompileLoop : IDisposable
{
    private readonly TimeSpan _quiet;
    private readonly Func<Task> _step;
    private readonly TextWriter _log;
    private readonly SemaphoreSlim _signal = new(0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private int _pending;

    public CompileLoop(TimeSpan quiet, Func<Task> step, TextWriter log)
    {
        _quiet = quiet;
        _step = step;
        _log = log;
        _loop = Task.Run(RunAsync);
    }

    public void Request()
    {
        if (Interlocked.Exchange(ref _pending, 1) == 0)
        {
            _signal.Release();
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The loop ends by cancellation; anything else was already logged.
        }

        _stop.Dispose();
        _signal.Dispose();
    }

    private async Task RunAsync()
    {
        var token = _stop.Token;
        while (!token.IsCancellationRequested)
        {
            try
            {
                await _signal.WaitAsync(token).ConfigureAwait(false);
                if (_quiet > TimeSpan.Zero)
                {
                    await Task.Delay(_quiet, token).ConfigureAwait(false);
                }

                Interlocked.Exchange(ref _pending, 0);
                await _step().ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (Exception e)
            {
                // A failure here must not end the loop: the next edit compiles again.
                _log.WriteLine("powers lsp: compiling failed: " + e);
            }
        }
    }
}
