using Microsoft.Extensions.Hosting;

namespace Powers.Hosting;

/// <summary>
/// Loads the rule library when the host starts, so that a library with errors fails start-up (every diagnostic
/// is logged first) instead of the first query, starts watching the rules directory, and opens the decision record
/// sinks, so that records that cannot be written fail start-up too.
/// </summary>
internal sealed class PowersStartupService(IPowersService powers, DecisionRecorder recorder) : IHostedService
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

        recorder.Open();
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
