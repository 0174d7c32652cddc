using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Powers.Hosting.Tests.TestSupport;

namespace Powers.Hosting.Tests;

public sealed class PowersServiceCollectionExtensionsTests
{
    [Fact]
    public void AddPowers_CalledTwice_RegistersEachServiceOnce()
    {
        var services = new ServiceCollection();
        services.AddPowers();
        int count = services.Count;

        var builder = services.AddPowers();

        Assert.Same(services, builder.Services);
        Assert.Equal(count, services.Count);
        using var provider = services.BuildServiceProvider();
        Assert.Single(provider.GetServices<IHostedService>());
        Assert.Single(provider.GetServices<IDecisionRecordSink>());
        Assert.Same(provider.GetRequiredService<IPowersService>(), provider.GetRequiredService<IPowersService>());
    }

    [Fact]
    public async Task Start_PowersSection_BindsOptions()
    {
        using var rules = new RulesDirectory();
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Powers:RulesDirectory"] = rules.Path,
            ["Powers:WatchForChanges"] = "false",
            ["Powers:ReloadDelay"] = "00:00:02",
            ["Powers:RecordDecisions"] = "true",
        });
        builder.Services.AddPowers();
        using var host = builder.Build();

        await host.StartAsync();

        var options = host.Services.GetRequiredService<IOptions<PowersOptions>>().Value;
        Assert.Equal(rules.Path, options.RulesDirectory);
        Assert.False(options.WatchForChanges);
        Assert.Equal(TimeSpan.FromSeconds(2), options.ReloadDelay);
        Assert.True(options.RecordDecisions);
        Assert.Equal(rules.Path, host.Services.GetRequiredService<IPowersService>().Current.Source);
        await host.StopAsync();
    }

    [Fact]
    public async Task Start_BadOptions_FailsWithEveryProblem()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Powers:RulesDirectory"] = "/no/such/rules",
            ["Powers:ReloadDelay"] = "00:05:00",
            ["Powers:RecordDecisions"] = "true",
            ["Powers:DecisionRecordsPath"] = "/no/such/dir/decisions.ndjson",
        });
        builder.Services.AddPowers();
        using var host = builder.Build();

        var e = Assert.IsType<OptionsValidationException>((await Assert.ThrowsAsync<PowersStartupException>(() => host.StartAsync())).InnerException);

        Assert.Equal(
            [
                "Powers:RulesDirectory: no directory '/no/such/rules'.",
                "Powers:ReloadDelay: 00:05:00 is outside 00:00:00 to 00:01:00.",
                "Powers:DecisionRecordsPath: no directory '/no/such/dir' for the records file.",
            ],
            e.Failures);
    }

    [Fact]
    public async Task Start_LibraryWithErrors_FailsAndLogsEveryDiagnostic()
    {
        using var rules = new RulesDirectory();
        rules.Write(RulesDirectory.InForceFile, RulesDirectory.InForceUnknownFact());
        rules.Write(RulesDirectory.DesignationFile, "{");
        var logs = new CollectingLoggerProvider();
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders().AddProvider(logs);
        builder.Services.AddPowers(o => o.RulesDirectory = rules.Path);
        using var host = builder.Build();

        var e = Assert.IsType<Compilation.RuleCompilationException>((await Assert.ThrowsAsync<PowersStartupException>(() => host.StartAsync())).InnerException);

        var errors = e.Diagnostics.Where(d => d.Severity == Diagnostics.DiagnosticSeverity.Error).Select(Diagnostics.MsBuildFormatter.Format).ToList();
        Assert.True(errors.Count >= 2);
        var logged = logs.WithEvent(1001).Where(l => l.Level == LogLevel.Error).Select(l => l.Message).ToList();
        Assert.Equal(errors, logged);
        Assert.Contains(logged, m => m.Contains("PWR0201", StringComparison.Ordinal));
        Assert.Contains(logged, m => m.Contains("met-2002-security.json", StringComparison.Ordinal));
        Assert.Single(logs.WithEvent(1002));
    }

    [Fact]
    public async Task Start_RelativeRulesDirectory_ResolvedFromContentRoot()
    {
        using var rules = new RulesDirectory();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = Path.GetDirectoryName(rules.Path) });
        builder.Services.AddPowers(o => o.RulesDirectory = Path.GetFileName(rules.Path));
        using var host = builder.Build();

        await host.StartAsync();

        Assert.Equal(rules.Path, host.Services.GetRequiredService<IPowersService>().Current.Source);
        await host.StopAsync();
    }
}
