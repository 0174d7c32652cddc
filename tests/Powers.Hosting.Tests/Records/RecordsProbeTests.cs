using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Time.Testing;
using Powers.Hosting.Tests.TestSupport;

namespace Powers.Hosting.Tests.Records;

/// <summary>
/// Health recovers after a record sink comes back, without a decision: a background probe with backoff on the host's
/// clock (a fake one here: the test says when time passes). Decisions fail closed while the sink is down.
/// </summary>
public sealed class RecordsProbeTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task CheckHealthAsync_SinkFailsThenRecovers_HealthyAgainWithoutADecision()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2013, 3, 1, 12, 0, 0, TimeSpan.Zero));
        var sink = new FlakySink { Down = true };
        using var host = Host(clock, sink);
        var health = host.Provider.GetRequiredService<HealthCheckService>();
        Assert.Throws<DecisionNotRecordedException>(() => host.Powers.Decide(RulesDirectory.Query));
        var failed = (await health.CheckHealthAsync()).Entries["powers"];

        clock.Advance(DecisionRecorder.FirstProbeDelay);
        Assert.True(await sink.Probed.WaitAsync(Wait));
        Assert.True(TestHost.WaitUntil(() => host.Logs.WithEvent(1103).Count == 1, Wait));
        var stillDown = (await health.CheckHealthAsync()).Entries["powers"];
        Assert.Throws<DecisionNotRecordedException>(() => host.Powers.Decide(RulesDirectory.Query));

        sink.Down = false;
        var recovered = TestHost.AdvanceUntil(clock, TimeSpan.FromSeconds(1), () => health.CheckHealthAsync().GetAwaiter().GetResult().Entries["powers"].Status == HealthStatus.Healthy);

        Assert.Equal(HealthStatus.Unhealthy, failed.Status);
        Assert.Equal("Decisions cannot be recorded, so none are returned: FlakySink: disk unplugged", failed.Description);
        Assert.Equal(HealthStatus.Unhealthy, stillDown.Status);
        Assert.Equal("Decision records are still down: FlakySink refused the probe: still unplugged; next probe in 00:00:02", host.Logs.WithEvent(1103)[0].Message);
        Assert.True(recovered);
        Assert.Equal("Decision records recovered: every sink answered the probe (the last failure was FlakySink's)", Assert.Single(host.Logs.WithEvent(1104)).Message);
        Assert.Equal(0, sink.Written);
        host.Powers.Decide(RulesDirectory.Query);
        Assert.Equal(1, sink.Written);
    }

    [Fact]
    public async Task ProbeAsync_RefusedAgainAndAgain_WaitsTwiceAsLongUpToTheLimit()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2013, 3, 1, 12, 0, 0, TimeSpan.Zero));
        var sink = new FlakySink { Down = true };
        using var host = Host(clock, sink);
        Assert.Throws<DecisionNotRecordedException>(() => host.Powers.Decide(RulesDirectory.Query));

        // Probes fall due 1, 2, 4, 8, 16, 30, 30 s apart; each is awaited before the clock moves to the next.
        // The refusal is logged once the next wait is on the clock, so the test moves the clock only after it.
        int[] due = [1, 2, 4, 8, 16, 30, 30];
        for (int i = 0; i < due.Length; i++)
        {
            clock.Advance(TimeSpan.FromSeconds(due[i]) - TimeSpan.FromMilliseconds(1));
            Assert.Equal(0, sink.Probed.CurrentCount);
            clock.Advance(TimeSpan.FromMilliseconds(1));
            Assert.True(await sink.Probed.WaitAsync(Wait));
            Assert.True(TestHost.WaitUntil(() => host.Logs.WithEvent(1103).Count == i + 1, Wait));
        }

        Assert.Equal(
            ["00:00:02", "00:00:04", "00:00:08", "00:00:16", "00:00:30", "00:00:30", "00:00:30"],
            host.Logs.WithEvent(1103).Select(e => e.Message[^8..]));
        var health = host.Provider.GetRequiredService<HealthCheckService>();
        Assert.Equal(HealthStatus.Unhealthy, (await health.CheckHealthAsync()).Entries["powers"].Status);
    }

    [Fact]
    public async Task CheckHealthAsync_SinkWithoutAProbe_UnhealthyUntilARecordIsWritten()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2013, 3, 1, 12, 0, 0, TimeSpan.Zero));
        var sink = new NoProbeSink { Down = true };
        using var host = Host(clock, sink);
        var health = host.Provider.GetRequiredService<HealthCheckService>();
        Assert.Throws<DecisionNotRecordedException>(() => host.Powers.Decide(RulesDirectory.Query));

        sink.Down = false;
        clock.Advance(DecisionRecorder.FirstProbeDelay);
        Assert.True(TestHost.WaitUntil(() => host.Logs.WithEvent(1103).Count == 1, Wait));
        var afterProbe = (await health.CheckHealthAsync()).Entries["powers"];
        host.Powers.Decide(RulesDirectory.Query);
        var afterRecord = (await health.CheckHealthAsync()).Entries["powers"];

        Assert.Equal(HealthStatus.Unhealthy, afterProbe.Status);
        Assert.Equal("Decision records are still down: NoProbeSink refused the probe: NoProbeSink has no probe; health recovers when a record is written; next probe in 00:00:02", host.Logs.WithEvent(1103)[0].Message);
        Assert.Equal(HealthStatus.Healthy, afterRecord.Status);
    }

    [Fact]
    public async Task CheckHealthAsync_RecordsDiskFullThenFreed_HealthyAgainWithoutADecision()
    {
        using var disk = TmpfsMount.Create(64 * 1024);
        disk.Fill();
        string path = Path.Combine(disk.Path, "decisions.ndjson");
        var clock = new FakeTimeProvider(new DateTimeOffset(2013, 3, 1, 12, 0, 0, TimeSpan.Zero));
        using var host = new TestHost(
            o =>
            {
                o.RecordDecisions = true;
                o.DecisionRecordsPath = path;
            },
            s =>
            {
                s.AddPowers().AddHealthCheck();
                s.AddSingleton<TimeProvider>(clock);
            });
        var health = host.Provider.GetRequiredService<HealthCheckService>();
        Assert.Throws<DecisionNotRecordedException>(() => host.Powers.Decide(RulesDirectory.Query));

        // A full disk opens and reads like any other: the probe asks for room as well.
        clock.Advance(DecisionRecorder.FirstProbeDelay);
        Assert.True(TestHost.WaitUntil(() => host.Logs.WithEvent(1103).Count == 1, Wait));
        var full = (await health.CheckHealthAsync()).Entries["powers"];
        File.Delete(Path.Combine(disk.Path, "filler"));
        var recovered = TestHost.AdvanceUntil(clock, TimeSpan.FromSeconds(1), () => health.CheckHealthAsync().GetAwaiter().GetResult().Entries["powers"].Status == HealthStatus.Healthy);
        string id = host.Powers.Decide(RulesDirectory.Query).DecisionId;

        Assert.Equal(HealthStatus.Unhealthy, full.Status);
        Assert.Matches("^Decision records are still down: NdjsonFileDecisionRecordSink refused the probe: the disk of '" + System.Text.RegularExpressions.Regex.Escape(path) + "' has [0-9,]+ bytes free; next probe in 00:00:02$", host.Logs.WithEvent(1103)[0].Message);
        Assert.True(recovered);
        using var file = File.OpenRead(path);
        var report = TrailVerifier.Verify(new NdjsonRecordSource(file, path));
        Assert.Null(report.Break?.Message);
        Assert.Equal(1, report.Records);
        Assert.Contains(id, File.ReadAllText(path), StringComparison.Ordinal);
    }

    private static TestHost Host(FakeTimeProvider clock, IDecisionRecordSink sink) => new(
        o => o.RecordDecisions = true,
        s =>
        {
            s.AddPowers().AddHealthCheck();
            s.AddSingleton(sink);
            s.AddSingleton<TimeProvider>(clock);
        });

    /// <summary>A sink whose storage is up or down as the test says, and whose probe says which.</summary>
    private sealed class FlakySink : IDecisionRecordSink
    {
        private int _written;

        public volatile bool Down;

        public SemaphoreSlim Probed { get; } = new(0);

        public int Written => Volatile.Read(ref _written);

        public string Name => nameof(FlakySink);

        public DecisionRecordWriteResult Write(DecisionRecord record)
        {
            if (Down)
            {
                return DecisionRecordWriteResult.NotRecorded("disk unplugged");
            }

            Interlocked.Increment(ref _written);
            return DecisionRecordWriteResult.Recorded;
        }

        public ValueTask<DecisionRecordWriteResult> ProbeAsync(CancellationToken cancellationToken)
        {
            var result = Down ? DecisionRecordWriteResult.NotRecorded("still unplugged") : DecisionRecordWriteResult.Recorded;
            Probed.Release();
            return new(result);
        }
    }

    /// <summary>A sink written before probes existed: the interface's default probe, which cannot tell.</summary>
    private sealed class NoProbeSink : IDecisionRecordSink
    {
        public volatile bool Down;

        public string Name => nameof(NoProbeSink);

        public DecisionRecordWriteResult Write(DecisionRecord record) =>
            Down ? DecisionRecordWriteResult.NotRecorded("disk unplugged") : DecisionRecordWriteResult.Recorded;
    }
}
