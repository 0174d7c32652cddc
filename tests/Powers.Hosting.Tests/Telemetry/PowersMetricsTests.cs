using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Powers.Hosting.Tests.TestSupport;

namespace Powers.Hosting.Tests.Telemetry;

public sealed class PowersMetricsTests
{
    // Golden case "Cordon out of uniform" (rules/cases/cordon-entry-road.json): PRA 2002 s. 42 makes every Sch. 4
    // power exercisable only in uniform, so the cordon power is denied; high, because the uniform rule (s.42, in force) is
    // firm and in 2009 the cordon power is a standard power (SI 2007/3202 item (p)), so it does not rest on the
    // reconstructed met-2002-security designation.
    private const string OutOfUniform = """{"date":"2009-09-01","designation":"met-2002-security","facts":{"inUniform":false,"inPoliceArea":true,"inCordonedArea":true,"cordonAgeDays":5}}""";

    [Fact]
    public void Decide_OneQuery_CountsTheDecisionAndEachPowerOutcome()
    {
        using var host = new TestHost(_ => { });
        using var metrics = new MetricRecorder(host.Provider);

        var answer = host.Powers.Decide(OutOfUniform);

        Assert.True(answer.Succeeded);
        Assert.Equal(1, metrics.Sum(PowersTelemetry.Decisions, ("powers.result", "decided")));
        Assert.Equal(1, metrics.Sum(PowersTelemetry.PowerOutcomes, ("powers.power", "cordon"), ("powers.outcome", "denied"), ("powers.confidence", "high")));
        Assert.Equal(answer.Decision!.Powers.Count, metrics.Sum(PowersTelemetry.PowerOutcomes));
        Assert.Equal(1, metrics.Count(PowersTelemetry.DecisionDuration, ("powers.result", "decided")));
    }

    [Fact]
    public void Decide_BadQuery_CountsBadInputWithoutOutcomes()
    {
        using var host = new TestHost(_ => { });
        using var metrics = new MetricRecorder(host.Provider);

        var answer = host.Powers.Decide("""{"date":"2009-09-01","designation":"met-2002-security","facts":{"inUniformm":false}}""");

        Assert.False(answer.Succeeded);
        Assert.Equal(1, metrics.Sum(PowersTelemetry.Decisions, ("powers.result", "bad-input")));
        Assert.Equal(0, metrics.Sum(PowersTelemetry.PowerOutcomes));
        Assert.Equal(1, metrics.Count(PowersTelemetry.DecisionDuration, ("powers.result", "bad-input")));
    }

    [Fact]
    public async Task ReloadAsync_SwapThenBrokenFile_CountsEachResultAndTheGeneration()
    {
        using var rules = new RulesDirectory();
        using var host = new TestHost(o => { o.RulesDirectory = rules.Path; o.WatchForChanges = false; });
        using var metrics = new MetricRecorder(host.Provider);
        _ = host.Powers.Current;
        Assert.Equal(1, metrics.Observe(PowersTelemetry.LibraryGeneration));

        rules.Write(RulesDirectory.ChainFile, RulesDirectory.ChainB());
        Assert.True(await host.Powers.ReloadAsync());
        rules.Write(RulesDirectory.InForceFile, RulesDirectory.InForceTruncated());
        Assert.False(await host.Powers.ReloadAsync());

        Assert.Equal(1, metrics.Sum(PowersTelemetry.Reloads, ("powers.reload.result", "swapped")));
        Assert.Equal(1, metrics.Sum(PowersTelemetry.Reloads, ("powers.reload.result", "failed")));
        Assert.Equal(1, metrics.Sum(PowersTelemetry.ReloadFailures));
        Assert.Equal(2, metrics.Observe(PowersTelemetry.LibraryGeneration));
    }

    [Fact]
    public void Decide_RecordsOnWithAFailingSink_CountsWrittenFailedAndTheWithheldDecision()
    {
        using var host = new TestHost(o => o.RecordDecisions = true, s => s.AddPowers().AddDecisionRecordSink<StoringSink>().AddDecisionRecordSink<FailingSink>());
        using var metrics = new MetricRecorder(host.Provider);

        Assert.Throws<DecisionNotRecordedException>(() => host.Powers.Decide(OutOfUniform));

        Assert.Equal(1, metrics.Sum(PowersTelemetry.RecordsWritten, ("powers.sink", nameof(StoringSink))));
        Assert.Equal(1, metrics.Sum(PowersTelemetry.RecordsFailed, ("powers.sink", nameof(FailingSink))));
        Assert.Equal(1, metrics.Sum(PowersTelemetry.Decisions, ("powers.result", "not-recorded")));
        Assert.Equal(1, metrics.Count(PowersTelemetry.DecisionDuration, ("powers.result", "not-recorded")));
        Assert.Equal(0, metrics.Sum(PowersTelemetry.RecordsWritten, ("powers.sink", "DefaultDecisionRecordSink")));
    }

    [Fact]
    public void Decide_WithAListener_TracesOneDecideActivityTaggedWithTheDecision()
    {
        using var host = new TestHost(_ => { });
        var activities = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == PowersTelemetry.ActivitySourceName,
            Sample = static (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a => { lock (activities) { activities.Add(a); } },
        };
        ActivitySource.AddActivityListener(listener);

        var answer = host.Powers.Decide(OutOfUniform);

        Activity activity;
        lock (activities)
        {
            activity = Assert.Single(activities, a => (string?)a.GetTagItem("powers.decision.id") == answer.DecisionId);
        }

        Assert.Equal(PowersTelemetry.DecideActivity, activity.OperationName);
        Assert.Equal("decided", activity.GetTagItem("powers.result"));
        // The version in force on 1 Sep 2009: 2009-01-28 (possession of cannabis a penalty offence, SI 2009/110).
        Assert.Equal("pra2002-sch4@2009-01-28", activity.GetTagItem("powers.ruleset"));
        Assert.Equal("met-2002-security", activity.GetTagItem("powers.designation"));
        Assert.Equal(answer.Snapshot.Sha256, activity.GetTagItem("powers.library.sha256"));
    }

    private sealed class StoringSink : IDecisionRecordSink
    {
        public DecisionRecordWriteResult Write(DecisionRecord record) => DecisionRecordWriteResult.Recorded;
    }

    private sealed class FailingSink : IDecisionRecordSink
    {
        public DecisionRecordWriteResult Write(DecisionRecord record) => throw new IOException("disk full");
    }
}
