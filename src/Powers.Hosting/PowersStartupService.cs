using Microsoft.Extensions.Hosting;

namespace Powers.Hosting;

/// <summary>
/// Loads the rule library when the host starts, so that a library with errors fails start-up (every diagnostic
/// is logged first) instead of the first query, and starts watching the rules directory.
/// </summary>
internal sealed class PowersStartupService(IPowersService powers) : IHostedService
{
    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (powers is PowersService service)
        {
            service.Initialize();
        }
        else
        {
            _ = powers.Current;
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
