using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Powers.Decisions;
using Powers.Hosting.Reloading;
using Powers.Hosting.Tests.TestSupport;
using Powers.Queries;

namespace Powers.Hosting.Tests;

public sealed class PowersServiceTests
{
    [Fact]
    public void Decide_EmbeddedLibrary_AnswersEveryPower()
    {
        using var host = new TestHost(_ => { });

        var answer = host.Powers.Decide(RulesDirectory.Query);

        Assert.True(answer.Succeeded, string.Join("; ", answer.Errors));
        Assert.Equal("embedded", answer.Snapshot.Source);
        Assert.Equal(answer.Snapshot.Library.Powers.Count, answer.Decision!.Powers.Count);
        Assert.Equal("2012-07-10", answer.Decision.Version!.Version);
        Assert.True(Guid.TryParse(answer.DecisionId, out var id));
        Assert.Equal(7, id.Version);
    }

    [Fact]
    public void Decide_AdHocMadeAfterTheDate_EveryPowerNotDesignated()
    {
        // Issue 19, defect 1: PRA s.38(5), no designation before the day it is made.
        using var host = new TestHost(_ => { });

        var answer = host.Powers.Decide("""{"date":"2017-12-14","designation":{"force":"metropolitan","powers":["road-check","cordon","entry-to-save-life"],"made":"2017-12-15"},"facts":{"inUniform":true,"inPoliceArea":true,"roadCheckAuthorised":true,"inCordonedArea":true,"cordonAgeDays":0,"riskToLifeOrLimb":true}}""");

        Assert.True(answer.Succeeded, string.Join("; ", answer.Errors));
        Assert.All(answer.Decision!.Powers, p => Assert.Contains(p.Outcome, new[] { Powers.Model.Outcome.NotDesignated, Powers.Model.Outcome.NotInForce }));
        Assert.Equal(Powers.Model.Outcome.NotDesignated, answer.Decision.Find("cordon")!.Outcome);
    }

    [Fact]
    public void Decide_BadQuery_ReturnsErrorsNamingTheField()
    {
        using var host = new TestHost(_ => { });

        var answer = host.Powers.Decide("""{"date":"2013-03-01","designation":"met-2002-security","facts":{"inUniformm":true}}""");

        Assert.False(answer.Succeeded);
        Assert.Contains(answer.Errors, e => e.Field == "facts.inUniformm");
        Assert.StartsWith("""{"errors":[{"code":"PQ0108","field":"facts.inUniformm","message":""", answer.ToJson(), StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_Utf8Bytes_SameDocumentAsTheText()
    {
        using var host = new TestHost(_ => { });
        const string Query = """{"date":"2018-03-01","designation":{"force":"kent","powers":["road-check"],"made":"2017-06-01"},"facts":{"inUniform":true,"roadCheckAuthorised":true}}""";

        var fromText = host.Powers.Decide(Query);
        var fromBytes = host.Powers.Decide(System.Text.Encoding.UTF8.GetBytes(Query));

        Assert.True(fromBytes.Succeeded, string.Join("; ", fromBytes.Errors));
        Assert.Equal(fromText.ToJson(), fromBytes.ToJson());
    }

    [Fact]
    public void Serialize_AnswerWithSystemTextJson_TheDocumentOfToJson()
    {
        using var host = new TestHost(_ => { });
        var decided = host.Powers.Decide(RulesDirectory.Query);
        var refused = host.Powers.Decide("""{"date":"2013-03-01","designation":"met-2002-securty"}""");

        foreach (var answer in new[] { decided, refused })
        {
            string json = System.Text.Json.JsonSerializer.Serialize(answer);
            Assert.True(System.Text.Json.Nodes.JsonNode.DeepEquals(System.Text.Json.Nodes.JsonNode.Parse(answer.ToJson()), System.Text.Json.Nodes.JsonNode.Parse(json)), json);
        }
    }

    [Fact]
    public void Decide_BadUtf8Query_ReturnsTheErrorOfTheText()
    {
        using var host = new TestHost(_ => { });

        var answer = host.Powers.Decide("""{"date":"2013-03-01","designation":"met-2002-securty"}"""u8);

        Assert.Equal("designation: unknown designation 'met-2002-securty'; did you mean 'met-2002-security'?", Assert.Single(answer.Errors).ToString());
    }

    [Fact]
    public void Decide_QueryOfAnotherLibrary_Throws()
    {
        using var first = new TestHost(_ => { });
        using var second = new TestHost(_ => { });
        var query = second.Powers.Current.Engine.Read(RulesDirectory.Query).Query!;

        Assert.Throws<ArgumentException>(() => first.Powers.Decide(first.Powers.Current, query));
    }

    [Fact]
    public void Decide_QueryOfTheSnapshot_Decides()
    {
        using var host = new TestHost(_ => { });
        var snapshot = host.Powers.Current;
        var query = snapshot.Engine.Read(RulesDirectory.Query).Query!;

        var answer = host.Powers.Decide(snapshot, query);

        Assert.Same(snapshot, answer.Snapshot);
        Assert.True(answer.Succeeded);
    }

    [Fact]
    public async Task ReloadAsync_ChangedFiles_SwapsNewLibraryIn()
    {
        using var rules = new RulesDirectory();
        using var host = new TestHost(o => { o.RulesDirectory = rules.Path; o.WatchForChanges = false; });
        var before = host.Powers.Current;
        string oldAnswer = host.Powers.Decide(RulesDirectory.Query).ToOutcomesJson();

        rules.Write(RulesDirectory.DesignationFile, RulesDirectory.DesignationB());
        bool swapped = await host.Powers.ReloadAsync();

        Assert.True(swapped);
        var after = host.Powers.Current;
        Assert.Equal(2, after.Generation);
        Assert.NotEqual(before.Sha256, after.Sha256);
        Assert.Null(host.Powers.LastReloadFailure);
        Assert.NotEqual(oldAnswer, host.Powers.Decide(RulesDirectory.Query).ToOutcomesJson());
        Assert.Contains("\"detain-pending-constable\":\"not-designated\"", host.Powers.Decide(RulesDirectory.Query).ToOutcomesJson(), StringComparison.Ordinal);
        Assert.Single(host.Logs.WithEvent(1010));
    }

    [Fact]
    public async Task ReloadAsync_BrokenFile_KeepsLastGoodAndLogsEveryDiagnostic()
    {
        using var rules = new RulesDirectory();
        using var host = new TestHost(o => { o.RulesDirectory = rules.Path; o.WatchForChanges = false; });
        var good = host.Powers.Current;

        rules.Write(RulesDirectory.InForceFile, RulesDirectory.InForceUnknownFact());
        bool swapped = await host.Powers.ReloadAsync();

        Assert.False(swapped);
        Assert.Same(good, host.Powers.Current);
        var failure = host.Powers.LastReloadFailure;
        Assert.NotNull(failure);
        Assert.Contains("PWR0201", failure.Message, StringComparison.Ordinal);
        var errors = failure.Diagnostics.Where(d => d.Severity == Diagnostics.DiagnosticSeverity.Error).ToList();
        Assert.NotEmpty(errors);
        var logged = host.Logs.WithEvent(1001).Select(e => e.Message).ToList();
        foreach (var error in errors)
        {
            Assert.Contains(Diagnostics.MsBuildFormatter.Format(error), logged);
        }

        var failed = Assert.Single(host.Logs.WithEvent(1011));
        Assert.Contains(good.Sha256, failed.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReloadAsync_BrokenFileRestored_ClearsTheError()
    {
        using var rules = new RulesDirectory();
        using var host = new TestHost(o => { o.RulesDirectory = rules.Path; o.WatchForChanges = false; });
        _ = host.Powers.Current;
        rules.Write(RulesDirectory.InForceFile, RulesDirectory.InForceTruncated());
        await host.Powers.ReloadAsync();
        Assert.NotNull(host.Powers.LastReloadFailure);

        rules.Write(RulesDirectory.InForceFile, RulesDirectory.Original(RulesDirectory.InForceFile));
        bool swapped = await host.Powers.ReloadAsync();

        Assert.False(swapped);
        Assert.Null(host.Powers.LastReloadFailure);
        Assert.Equal(1, host.Powers.Current.Generation);
    }

    [Fact]
    public void Reload_SameBrokenFilesAgain_CompilesThemOnce()
    {
        using var rules = new RulesDirectory();
        using var host = new TestHost(o => { o.RulesDirectory = rules.Path; o.WatchForChanges = false; });
        _ = host.Powers.Current;
        rules.Write(RulesDirectory.InForceFile, RulesDirectory.InForceUnknownFact());

        var first = host.Service.Reload();
        var second = host.Service.Reload();

        Assert.Equal(ReloadOutcome.Failed, first);
        Assert.Equal(ReloadOutcome.Failed, second);
        Assert.Equal(2, host.Service.Compilations);
    }

    [Fact]
    public void Watcher_BurstOfFileEvents_CompilesOnce()
    {
        // The quiet period runs on a fake clock that moves only after the burst, so however slowly a loaded machine
        // writes the 80 files, no quiet period can end in the middle of it (on the real clock, 400 ms could).
        using var rules = new RulesDirectory();
        var clock = new FakeTimeProvider();
        using var host = new TestHost(o => { o.RulesDirectory = rules.Path; o.ReloadDelay = TimeSpan.FromMilliseconds(400); }, s => s.AddSingleton<TimeProvider>(clock));
        _ = host.Powers.Current;
        Assert.True(host.Service.IsWatching);
        string b = RulesDirectory.DesignationB();
        string a = RulesDirectory.Original(RulesDirectory.DesignationFile);

        for (int i = 0; i < 40; i++)
        {
            rules.Write(RulesDirectory.DesignationFile, i % 2 == 0 ? a : b);
            rules.Write(RulesDirectory.ChainFile, RulesDirectory.Original(RulesDirectory.ChainFile));
        }

        Assert.True(TestHost.AdvanceUntil(clock, TimeSpan.FromMilliseconds(400), () => host.Powers.Current.Generation == 2));
        // Events still arriving from the burst find the files unchanged: more quiet periods compile nothing.
        TestHost.AdvanceUntil(clock, TimeSpan.FromMilliseconds(400), () => false, steps: 5);
        Assert.Equal(2, host.Service.Compilations);
        Assert.Equal(2, host.Powers.Current.Generation);
        Assert.Contains("\"detain-pending-constable\":\"not-designated\"", host.Powers.Decide(RulesDirectory.Query).ToOutcomesJson(), StringComparison.Ordinal);
    }

    [Fact]
    public void Watcher_WatchForChangesOff_DoesNotWatch()
    {
        using var rules = new RulesDirectory();
        using var host = new TestHost(o => { o.RulesDirectory = rules.Path; o.WatchForChanges = false; });
        _ = host.Powers.Current;

        Assert.False(host.Service.IsWatching);
    }

    [Fact]
    public void Current_LibraryWithErrors_ThrowsWithEveryDiagnostic()
    {
        using var rules = new RulesDirectory();
        rules.Write(RulesDirectory.InForceFile, RulesDirectory.InForceUnknownFact());
        using var host = new TestHost(o => o.RulesDirectory = rules.Path);

        var e = Assert.Throws<Compilation.RuleCompilationException>(() => host.Powers.Current);

        Assert.Contains(e.Diagnostics, d => d.Id == "PWR0201");
        Assert.Single(host.Logs.WithEvent(1002));
        Assert.Equal(
            e.Diagnostics.Count(d => d.Severity == Diagnostics.DiagnosticSeverity.Error),
            host.Logs.WithEvent(1001).Count(l => l.Level == Microsoft.Extensions.Logging.LogLevel.Error));
    }

    [Fact]
    public void Current_ConcurrentFirstUse_LoadsOnce()
    {
        using var host = new TestHost(_ => { });

        var snapshots = new PowersSnapshot[4];
        Parallel.For(0, snapshots.Length, i => snapshots[i] = host.Powers.Current);

        Assert.All(snapshots, s => Assert.Same(snapshots[0], s));
        Assert.Equal(1, host.Service.Compilations);
        Assert.Equal(1, snapshots[0].Generation);
        Assert.Equal(64, snapshots[0].Sha256.Length);
        Assert.Equal(snapshots[0].Sha256, snapshots[0].Sha256.ToLower(CultureInfo.InvariantCulture));
    }
}
