using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Powers.Hosting;

/// <summary>Further configuration of Powers on the builder <c>AddPowers</c> returns.</summary>
public static class PowersBuilderExtensions
{
    /// <summary>Applies <paramref name="configure"/> to <see cref="PowersOptions"/>.</summary>
    public static IPowersBuilder Configure(this IPowersBuilder builder, Action<PowersOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.Services.Configure(configure);
        return builder;
    }

    /// <summary>
    /// Adds a decision record sink, resolved from the container, next to the default one (the log, or the NDJSON
    /// file at <see cref="PowersOptions.DecisionRecordsPath"/>). Sinks are used only while
    /// <see cref="PowersOptions.RecordDecisions"/> is on. Adding the same sink type twice is harmless.
    /// </summary>
    public static IPowersBuilder AddDecisionRecordSink<TSink>(this IPowersBuilder builder)
        where TSink : class, IDecisionRecordSink
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IDecisionRecordSink, TSink>());
        return builder;
    }

    /// <summary>
    /// Adds the Powers health check (<see cref="PowersHealthChecksBuilderExtensions.AddPowersCheck"/>) under the
    /// name <c>powers</c>, once however often it is called.
    /// </summary>
    public static IPowersBuilder AddHealthCheck(this IPowersBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (!builder.Services.Any(static d => d.ServiceType == typeof(PowersHealthCheckMarker)))
        {
            builder.Services.AddSingleton<PowersHealthCheckMarker>();
            builder.Services.AddHealthChecks().AddPowersCheck();
        }

        return builder;
    }
}
