using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Powers.Compilation;

namespace Powers.Hosting;

/// <summary>
/// Checks the settings and loads the rule library when the host starts, so that a wrong setting or a library with
/// errors fails start-up (each cause logged on one line first) instead of the first query, starts watching the rules
/// directory, opens the decision record sinks, so that records that cannot be written fail start-up too, and logs
/// where decisions are recorded. Every failure is a <see cref="PowersStartupException"/>.
/// </summary>
/// <remarks>
/// The services are resolved here rather than injected: injecting them validated the options while the host resolved
/// its hosted services, so a missing rules directory surfaced as the container's exception, logged with the whole
/// resolution stack and nothing from Powers.
/// </remarks>
internal sealed class PowersStartupService(IServiceProvider services, ILogger<PowersStartupService> logger) : IHostedService
{
    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            _ = services.GetRequiredService<IOptions<PowersOptions>>().Value;
        }
        catch (OptionsValidationException e)
        {
            foreach (string failure in e.Failures)
            {
                PowersLog.SettingInvalid(logger, failure);
            }

            throw new PowersStartupException("Powers cannot start: " + string.Join(" ", e.Failures), e);
        }

        var powers = services.GetRequiredService<IPowersService>();
        var recorder = services.GetRequiredService<DecisionRecorder>();
        try
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
        }
        catch (RuleCompilationException e)
        {
            // Logged as 1002 or 1006, with every diagnostic before it.
            throw new PowersStartupException("Powers cannot start: the rule library has errors or does not verify (logged above).", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Logged as 1003.
            throw new PowersStartupException("Powers cannot start: the rule library cannot be read: " + e.Message, e);
        }
        catch (DecisionRecordSinkUnavailableException e)
        {
            // Logged as 1102.
            throw new PowersStartupException(e.Message, e);
        }

        recorder.LogWhere();
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
