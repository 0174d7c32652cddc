using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Powers.Hosting.PostgreSql.Tests;

/// <summary>A started host that records every decision to PostgreSQL only, in its own schema.</summary>
public sealed class RecordingHost : IAsyncDisposable
{
    private readonly IHost _host;

    private RecordingHost(IHost host, string schema)
    {
        _host = host;
        Schema = schema;
    }

    public string Schema { get; }

    public string Table => Schema + ".decisions";

    public IPowersService Powers => _host.Services.GetRequiredService<IPowersService>();

    public static async Task<RecordingHost> StartAsync(string? schema = null, string? connectionString = null, int maxBatchSize = 512, string? writer = null, Action<PostgreSqlRecordsOptions>? configure = null)
    {
        schema ??= Postgres.NewSchema();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddPowers(o => o.RecordDecisions = true)
            .AddPostgreSqlRecords(o =>
            {
                o.ConnectionString = connectionString ?? Postgres.Required;
                o.Schema = schema;
                o.MaxBatchSize = maxBatchSize;
                o.Writer = writer;
                // Generous, so a busy CI machine does not turn a slow commit into a refused decision.
                o.WriteTimeout = TimeSpan.FromSeconds(30);
                configure?.Invoke(o);
            })
            .AddHealthCheck();
        var host = builder.Build();
        await host.StartAsync();
        return new RecordingHost(host, schema);
    }

    public async Task<HealthStatus> HealthAsync() =>
        (await _host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync()).Status;

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
