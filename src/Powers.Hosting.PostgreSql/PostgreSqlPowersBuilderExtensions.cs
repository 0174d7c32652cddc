using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Powers.Hosting.PostgreSql;

namespace Powers.Hosting;

/// <summary>Adds the PostgreSQL decision record sink to Powers.</summary>
public static class PostgreSqlPowersBuilderExtensions
{
    /// <summary>
    /// Records every decision in PostgreSQL (while <see cref="PowersOptions.RecordDecisions"/> is on), with
    /// <see cref="PostgreSqlRecordsOptions"/> bound from <c>Powers:PostgreSql</c> and validated at start. The
    /// table is created or migrated when the host starts, which fails if the database cannot be reached.
    /// Calling it again is harmless.
    /// </summary>
    public static IPowersBuilder AddPostgreSqlRecords(this IPowersBuilder builder, Action<PostgreSqlRecordsOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        if (!services.Any(static d => d.ServiceType == typeof(IDecisionRecordSink) && d.ImplementationType == typeof(PostgreSqlDecisionRecordSink)))
        {
            // ValidateOnStart adds a registration on every call; the rest below is TryAdd.
            services.AddOptions<PostgreSqlRecordsOptions>().ValidateOnStart();
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConfigureOptions<PostgreSqlRecordsOptions>, PostgreSqlRecordsConfigureOptions>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PostgreSqlRecordsOptions>, PostgreSqlRecordsOptionsValidator>());
        if (configure is not null)
        {
            services.Configure(configure);
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IDecisionRecordSink, PostgreSqlDecisionRecordSink>());
        return builder;
    }
}
