using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Powers.Hosting;
using Powers.Hosting.Telemetry;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the Powers engine in a service collection.</summary>
public static class PowersServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IPowersService"/> (a thread-safe singleton), binds <see cref="PowersOptions"/> from the
    /// <c>Powers</c> configuration section, validates them at start and loads the rule library when the host starts,
    /// so a bad configuration or a library with errors fails start-up with every diagnostic in the log.
    /// Calling it again is harmless.
    /// </summary>
    public static IPowersBuilder AddPowers(this IServiceCollection services) => AddPowers(services, null);

    /// <summary>As <see cref="AddPowers(IServiceCollection)"/>, then applies <paramref name="configure"/> to the options (after configuration binding).</summary>
    public static IPowersBuilder AddPowers(this IServiceCollection services, Action<PowersOptions>? configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (!services.Any(static d => d.ServiceType == typeof(PowersService)))
        {
            // The options are validated by PowersStartupService, not ValidateOnStart: the host's own validation logs
            // a failure with its whole stack, and Powers logs each wrong setting on one line. AddMetrics
            // (IMeterFactory, for PowersMetrics) adds a registration on every call; the rest below is TryAdd.
            services.AddOptions<PowersOptions>();
            services.AddMetrics();
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConfigureOptions<PowersOptions>, PowersConfigureOptions>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PowersOptions>, PowersOptionsValidator>());
        if (configure is not null)
        {
            services.Configure(configure);
        }

        services.AddLogging();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<PowersMetrics>();
        services.TryAddSingleton<DecisionRecorder>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IDecisionRecordSink, DefaultDecisionRecordSink>());
        services.TryAddSingleton<PowersService>();
        services.TryAddSingleton<IPowersService>(static sp => sp.GetRequiredService<PowersService>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, PowersStartupService>());
        return new PowersBuilder(services);
    }
}
