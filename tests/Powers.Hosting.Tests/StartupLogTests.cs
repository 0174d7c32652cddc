using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Powers.Hosting.Tests.TestSupport;

namespace Powers.Hosting.Tests;

/// <summary>
/// What a host's start-up log says (issue 24, item 3): a wrong setting is one line naming the setting and the path,
/// with no stack; a host that starts names the library it serves, signed or not, and where decisions are recorded.
/// </summary>
public sealed class StartupLogTests
{
    [Fact]
    public async Task StartAsync_MissingRulesDirectory_OneLineNamingSettingAndPathNoStack()
    {
        string missing = Path.Combine(Path.GetTempPath(), "powers-no-rules-" + Guid.NewGuid().ToString("N"), "rules");
        var logs = new CollectingLoggerProvider();
        using var host = Build(logs, o => o.RulesDirectory = missing);

        var e = await Assert.ThrowsAsync<PowersStartupException>(() => host.StartAsync());

        var fromPowers = logs.Entries.Where(l => l.Category.StartsWith("Powers.", StringComparison.Ordinal)).ToList();
        var line = Assert.Single(fromPowers);
        Assert.Equal((LogLevel.Critical, 1007, "Powers cannot start: Powers:RulesDirectory: no directory '" + missing + "'."), (line.Level, line.EventId.Id, line.Message));
        Assert.Null(line.Exception);
        Assert.Equal("Powers cannot start: Powers:RulesDirectory: no directory '" + missing + "'.", e.Message);
        Assert.IsType<OptionsValidationException>(e.InnerException);
        // The host logs the failure with the exception's text: the type and that line, no stack.
        Assert.Equal("Powers.Hosting.PowersStartupException: Powers cannot start: Powers:RulesDirectory: no directory '" + missing + "'.", e.ToString());
        var hosting = Assert.Single(logs.Entries, l => l.Exception is not null);
        Assert.Same(e, hosting.Exception);
    }

    [Fact]
    public async Task StartAsync_EmbeddedLibraryRecordsOff_NamesTheLibraryUnsignedAndRecordsOff()
    {
        var logs = new CollectingLoggerProvider();
        using var host = Build(logs, _ => { });

        await host.StartAsync();

        string sha256 = host.Services.GetRequiredService<IPowersService>().Current.Sha256;
        Assert.StartsWith("Loaded rule library embedded (sha256 " + sha256 + "): ", Assert.Single(logs.WithEvent(1000)).Message, StringComparison.Ordinal);
        Assert.Equal(
            "Rule library embedded is the copy built into the Powers package: it is not signed and cannot be watched; set Powers:RulesDirectory to serve a rules directory",
            Assert.Single(logs.WithEvent(1008)).Message);
        Assert.Equal("Decisions are not recorded (Powers:RecordDecisions is off)", Assert.Single(logs.WithEvent(1106)).Message);
        Assert.Empty(logs.WithEvent(1105));
        await host.StopAsync();
    }

    [Fact]
    public async Task StartAsync_RulesDirectoryAndRecordsFile_NamesBothFullPathsAndUnsigned()
    {
        using var rules = new RulesDirectory();
        string records = Path.Combine(Path.GetDirectoryName(rules.Path)!, "records-" + Guid.NewGuid().ToString("N") + ".ndjson");
        var logs = new CollectingLoggerProvider();
        using var host = Build(logs, o =>
        {
            o.RulesDirectory = rules.Path;
            o.RecordDecisions = true;
            o.DecisionRecordsPath = records;
        });

        try
        {
            await host.StartAsync();

            Assert.StartsWith("Loaded rule library " + rules.Path + " (sha256 ", Assert.Single(logs.WithEvent(1000)).Message, StringComparison.Ordinal);
            Assert.Equal(
                "Rule library " + rules.Path + " is not verified: no trusted key is configured (Powers:TrustedKeys), so it is served as an unsigned library",
                Assert.Single(logs.WithEvent(1004)).Message);
            Assert.Empty(logs.WithEvent(1008));
            Assert.Equal("Decisions are recorded to " + records + "; a decision that cannot be recorded is withheld", Assert.Single(logs.WithEvent(1105)).Message);
            await host.StopAsync();
        }
        finally
        {
            File.Delete(records);
        }
    }

    [Fact]
    public async Task StartAsync_RecordsWithoutPath_SaysTheyGoToTheLog()
    {
        var logs = new CollectingLoggerProvider();
        using var host = Build(logs, o => o.RecordDecisions = true);

        await host.StartAsync();

        Assert.Equal(
            "Decisions are recorded to the log (event 1100; Powers:DecisionRecordsPath is not set); a decision that cannot be recorded is withheld",
            Assert.Single(logs.WithEvent(1105)).Message);
        await host.StopAsync();
    }

    private static IHost Build(CollectingLoggerProvider logs, Action<PowersOptions> configure)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.ClearProviders().AddProvider(logs);
        builder.Services.AddPowers(configure);
        return builder.Build();
    }
}
