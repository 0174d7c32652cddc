using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Time.Testing;
using Powers.Hosting.Tests.TestSupport;

namespace Powers.Hosting.Tests.Health;

public sealed class PowersHealthCheckTests
{
    [Fact]
    public async Task CheckHealthAsync_Loaded_HealthyWithRevisionAndHash()
    {
        using var host = new TestHost(_ => { }, s =>
        {
            s.AddPowers().AddHealthCheck();
            s.AddSingleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(2013, 3, 1, 12, 0, 0, TimeSpan.Zero)));
        });
        var report = await host.Provider.GetRequiredService<HealthCheckService>().CheckHealthAsync();

        var entry = report.Entries["powers"];
        Assert.Equal(HealthStatus.Healthy, entry.Status);
        var version = host.Powers.Current.Library.FindVersion("pra2002-sch4", "2012-07-10")!;
        Assert.Equal("pra2002-sch4@2012-07-10", entry.Data["ruleset"]);
        Assert.Equal(version.Revision, entry.Data["revision"]);
        Assert.Equal(version.Sha256, entry.Data["sha256"]);
        Assert.Equal(host.Powers.Current.Sha256, entry.Data["librarySha256"]);
        Assert.Equal("embedded", entry.Data["source"]);
        Assert.False(entry.Data.ContainsKey("lastReloadError"));
        Assert.Equal($"Serving pra2002-sch4@2012-07-10 revision {version.Revision} (sha256 {version.Sha256})", entry.Description);
    }

    [Fact]
    public async Task CheckHealthAsync_LastReloadFailed_DegradedWithTheError()
    {
        using var rules = new RulesDirectory();
        using var host = new TestHost(o => { o.RulesDirectory = rules.Path; o.WatchForChanges = false; }, s => s.AddPowers().AddHealthCheck());
        _ = host.Powers.Current;
        rules.Write(RulesDirectory.InForceFile, RulesDirectory.InForceUnknownFact());
        await host.Powers.ReloadAsync();

        var report = await host.Provider.GetRequiredService<HealthCheckService>().CheckHealthAsync();

        var entry = report.Entries["powers"];
        Assert.Equal(HealthStatus.Degraded, entry.Status);
        Assert.Contains("PWR0201", (string)entry.Data["lastReloadError"], StringComparison.Ordinal);
        Assert.Equal(rules.Path, entry.Data["source"]);
    }

    [Fact]
    public async Task CheckHealthAsync_LibraryWithErrors_Unhealthy()
    {
        using var rules = new RulesDirectory();
        rules.Write(RulesDirectory.InForceFile, RulesDirectory.InForceTruncated());
        using var host = new TestHost(o => o.RulesDirectory = rules.Path, s => s.AddPowers().AddHealthCheck());

        var report = await host.Provider.GetRequiredService<HealthCheckService>().CheckHealthAsync();

        Assert.Equal(HealthStatus.Unhealthy, report.Entries["powers"].Status);
    }

    [Fact]
    public void AddHealthCheck_CalledTwice_RegistersOneCheck()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddPowers().AddHealthCheck();
        services.AddPowers().AddHealthCheck();
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<HealthCheckServiceOptions>>().Value;

        Assert.Single(options.Registrations, r => r.Name == "powers");
    }
}
