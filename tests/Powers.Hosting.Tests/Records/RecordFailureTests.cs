using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Powers.Hosting.Tests.TestSupport;

namespace Powers.Hosting.Tests.Records;

/// <summary>Decision records fail closed: on a disk that is really full or read-only (a tmpfs), not a mock.</summary>
public sealed class RecordFailureTests
{
    [Fact]
    public void Decide_RecordsDiskFull_ThrowsNamingTheSinkAndTheFile()
    {
        using var disk = TmpfsMount.Create(64 * 1024);
        disk.Fill();
        string path = Path.Combine(disk.Path, "decisions.ndjson");
        using var host = FileHost(path);

        var e = Assert.Throws<DecisionNotRecordedException>(() => host.Powers.Decide(RulesDirectory.Query));

        Assert.Equal("NdjsonFileDecisionRecordSink", e.Sink);
        Assert.StartsWith("Decision " + e.DecisionId + " was not recorded by NdjsonFileDecisionRecordSink, so it is withheld: cannot append to '" + path + "': ", e.Message, StringComparison.Ordinal);
        Assert.Contains("No space left on device", e.Message, StringComparison.Ordinal);
        var logged = Assert.Single(host.Logs.WithEvent(1101));
        Assert.Contains(e.DecisionId, logged.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckHealthAsync_RecordFailed_UnhealthyUntilARecordIsWritten()
    {
        using var disk = TmpfsMount.Create(64 * 1024);
        disk.Fill();
        string path = Path.Combine(disk.Path, "decisions.ndjson");
        using var host = FileHost(path, s => s.AddPowers().AddHealthCheck());
        var health = host.Provider.GetRequiredService<HealthCheckService>();
        Assert.Throws<DecisionNotRecordedException>(() => host.Powers.Decide(RulesDirectory.Query));

        var failed = (await health.CheckHealthAsync()).Entries["powers"];
        File.Delete(Path.Combine(disk.Path, "filler"));
        host.Powers.Decide(RulesDirectory.Query);
        var recovered = (await health.CheckHealthAsync()).Entries["powers"];

        Assert.Equal(HealthStatus.Unhealthy, failed.Status);
        Assert.StartsWith("Decisions cannot be recorded, so none are returned: NdjsonFileDecisionRecordSink: cannot append to '" + path + "': ", failed.Description, StringComparison.Ordinal);
        Assert.Equal(HealthStatus.Healthy, recovered.Status);
    }

    [Fact]
    public void Decide_DiskFillsMidRecord_NoPartialLineJoinsTheNextRecord()
    {
        using var disk = TmpfsMount.Create(16 * 1024);
        File.WriteAllBytes(Path.Combine(disk.Path, "spare"), new byte[4096]);
        string path = Path.Combine(disk.Path, "decisions.ndjson");
        var acknowledged = new List<string>();
        using (var host = FileHost(path))
        {
            // Records are about 1 KB and pages 4 KB, so the disk fills in the middle of one record.
            while (TryDecide(host, out string? id))
            {
                acknowledged.Add(id!);
            }

            Assert.True(acknowledged.Count > 0);
            File.Delete(Path.Combine(disk.Path, "spare"));
            Assert.True(TryDecide(host, out string? after));
            acknowledged.Add(after!);
        }

        var lines = File.ReadAllLines(path);
        var recorded = lines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("decisionId").GetString()!).ToList();
        Assert.Equal(acknowledged, recorded);
        // Each failed batch was cut back and the chain's head read again: the trail is whole.
        using var file = File.OpenRead(path);
        var report = TrailVerifier.Verify(new NdjsonRecordSource(file, path));
        Assert.Null(report.Break?.Message);
        Assert.Equal(acknowledged.Count, report.Records);
    }

    [Fact]
    public void Dispose_AfterAFailedWrite_DoesNotThrow()
    {
        using var disk = TmpfsMount.Create(64 * 1024);
        disk.Fill();
        var host = FileHost(Path.Combine(disk.Path, "decisions.ndjson"));
        Assert.False(TryDecide(host, out _));

        var e = Record.Exception(host.Dispose);

        Assert.Null(e);
    }

    [Fact]
    public async Task StartAsync_RecordsPathOnAReadOnlyDisk_FailsNamingThePath()
    {
        using var disk = TmpfsMount.Create(64 * 1024, readOnly: true);
        string path = Path.Combine(disk.Path, "decisions.ndjson");
        var logs = new CollectingLoggerProvider();
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders().AddProvider(logs);
        builder.Services.AddPowers(o =>
        {
            o.RecordDecisions = true;
            o.DecisionRecordsPath = path;
        });
        using var host = builder.Build();

        var e = await Assert.ThrowsAsync<PowersStartupException>(() => host.StartAsync());

        Assert.StartsWith("The decision record sink NdjsonFileDecisionRecordSink cannot record, so Powers cannot start: cannot open '" + path + "' for appending: ", e.Message, StringComparison.Ordinal);
        Assert.Single(logs.WithEvent(1102));
    }

    [Fact]
    public async Task StartAsync_LogSinkWithInformationOff_Fails()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.AddFilter("Powers.Hosting", LogLevel.Warning);
        builder.Services.AddPowers(o => o.RecordDecisions = true);
        using var host = builder.Build();

        var e = await Assert.ThrowsAsync<PowersStartupException>(() => host.StartAsync());

        Assert.Equal("The decision record sink LoggingDecisionRecordSink cannot record, so Powers cannot start: the log does not take Information events of category Powers.Hosting.LoggingDecisionRecordSink.", e.Message);
    }

    private static bool TryDecide(TestHost host, out string? id)
    {
        try
        {
            id = host.Powers.Decide(RulesDirectory.Query).DecisionId;
            return true;
        }
        catch (DecisionNotRecordedException)
        {
            id = null;
            return false;
        }
    }

    private static TestHost FileHost(string path, Action<IServiceCollection>? services = null) => new(
        o =>
        {
            o.RecordDecisions = true;
            o.DecisionRecordsPath = path;
        },
        services);
}
