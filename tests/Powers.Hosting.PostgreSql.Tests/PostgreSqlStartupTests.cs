using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Powers.Hosting.PostgreSql.Tests;

/// <summary>Start-up checks that need no server: bad options, and a database that cannot be reached.</summary>
public sealed class PostgreSqlStartupTests
{
    [Fact]
    public async Task Start_BadOptions_FailsNamingEachOne()
    {
        using var host = Build(o => { o.ConnectionString = null; o.Schema = "Audit-Trail"; o.MaxBatchSize = 0; });

        var e = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Equal(
            [
                "Powers:PostgreSql:ConnectionString: required.",
                "Powers:PostgreSql:Schema: 'Audit-Trail' is not a lower-case identifier (a-z, 0-9, _; at most 40 characters).",
                "Powers:PostgreSql:MaxBatchSize: 0 is outside 1 to 10000.",
            ],
            e.Failures);
    }

    [Fact]
    public async Task Start_DatabaseUnreachable_FailsStartUp()
    {
        string nowhere = Path.Combine(Path.GetTempPath(), "powers-no-server-" + Guid.NewGuid().ToString("N")[..8]);
        using var host = Build(o => o.ConnectionString = "Host=" + nowhere + ";Port=5432;Username=postgres;Timeout=2");

        var e = await Assert.ThrowsAsync<PowersStartupException>(() => host.StartAsync());

        Assert.StartsWith("The decision record sink PostgreSQL powers.decisions cannot record, so Powers cannot start: ", e.Message, StringComparison.Ordinal);
    }

    private static IHost Build(Action<PostgreSqlRecordsOptions> configure)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddPowers(o => o.RecordDecisions = true).AddPostgreSqlRecords(configure);
        return builder.Build();
    }
}
