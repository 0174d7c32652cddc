using Microsoft.Extensions.DependencyInjection;
using Powers.Cli.Commands;
using Powers.Cli.Replay;
using Powers.Hosting;

namespace Powers.Cli.Tests.Extending;

/// <summary>
/// docs/extending.md, "A decision record sink" (issue 23 item 4): a sink of the test's own, the page's code, derived
/// from the batching base and registered in a host, records what the host decides; its record source is replayed and
/// its chain checked by <c>powers replay</c>'s own code, which knows nothing else of it.
/// </summary>
public sealed class SinkRecipeTests
{
    private static readonly string[] Queries =
    [
        """{"date":"2013-03-01","designation":"met-2002-security","facts":{"inUniform":true,"roadCheckAuthorised":true,"inPoliceArea":true}}""",
        """{"date":"2013-03-01","designation":"met-2002-security","facts":{"inUniform":false}}""",
        """{"date":"2009-09-01","designation":{"force":"kent","powers":["road-check","cordon"]},"facts":{"inCordonedArea":true}}""",
    ];

    private readonly MemoryRecordStore _store = new();

    [Theory]
    [InlineData("MemoryRecordSink.cs", 0)]
    [InlineData("SinkRecipeTests.cs", 1)]
    [InlineData("MemoryRecordSource.cs", 2)]
    public void Document_ShowsTheSinkAsThisTestHasIt(string file, int block)
    {
        var code = ExtendingDocument.Blocks("A decision record sink").Where(b => b.Language == "csharp").ToList()[block];

        Assert.True(ExtendingDocument.Shows("tests/Powers.Cli.Tests/Extending/" + file, code), "docs/extending.md shows other code than " + file + " has:\n" + code.Text);
    }

    [Fact]
    public void Sink_RegisteredInAHost_StoresEveryRecordChained()
    {
        var ids = Record();

        var rows = _store.Rows();
        Assert.Equal(ids.Length, rows.Count);
        Assert.All(rows, r => Assert.Equal(_store.Writer, r.Writer));
        Assert.Equal([1L, 2L, 3L], rows.Select(r => r.Sequence));
        Assert.All(rows.Zip(ids), r => Assert.Contains("\"decisionId\":\"" + r.Second + "\"", System.Text.Encoding.UTF8.GetString(r.First.Json), StringComparison.Ordinal));
    }

    [Fact]
    public void Replay_ThroughTheSinksSource_EveryRecordReplayedUnchanged()
    {
        Record();
        var library = LibraryLoader.Load(LibraryLoader.Choose(null), new CliConsole(TextWriter.Null, TextWriter.Null, TextReader.Null, ErrorIsTerminal: false), TextWriter.Null)!;

        var run = CliRun.Capture(console => ReplayCommand.Run(console, new Replayer(new PowersEngine(library), named: true), new MemoryRecordSource(_store), "text"));

        Assert.Equal(string.Empty, run.Error);
        Assert.Equal(0, run.ExitCode);
        Assert.Equal("3 replayed, 0 changed (0 power outcomes)" + Environment.NewLine, run.Out);
    }

    [Fact]
    public void Verify_ThroughTheSinksSource_Intact()
    {
        var ids = Record();

        var run = CliRun.Capture(console => TrailCheck.Run(console, new MemoryRecordSource(_store), "text"));

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("intact: 3 records, 1 chain: writer " + _store.Writer + " records 1 to 3, the last memory (" + _store.Writer + ", 3) (decision " + ids[2] + ")" + Environment.NewLine, run.Out);
    }

    [Fact]
    public void Verify_ThroughTheSinksSourceARecordEdited_BrokenAtIt()
    {
        var ids = Record();
        _store.Edit(0, json => json.Replace("\"inUniform\":true", "\"inUniform\":false", StringComparison.Ordinal));

        var run = CliRun.Capture(console => TrailCheck.Run(console, new MemoryRecordSource(_store), "text"));

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("broken: edited: memory (" + _store.Writer + ", 1) (decision " + ids[0] + "): changed after it was written: the link of the next record, memory (" + _store.Writer + ", 2) (decision " + ids[1] + "), does not match it" + Environment.NewLine, run.Out);
    }

    [Fact]
    public void VerifySigned_ThroughTheSinksSource_BadInputForItKeepsNoCheckpoints()
    {
        Record();
        using var key = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256);

        var run = CliRun.Capture(console => ReplayCommand.VerifySigned(console, new MemoryRecordSource(_store), "text", [Compilation.TrustedKey.FromPem(key.ExportSubjectPublicKeyInfoPem())]));

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("powers: bad input: --trusted-key: memory keeps no checkpoints: give the checkpoints file, --checkpoints FILE" + Environment.NewLine, run.Error);
    }

    private string[] Record()
    {
        var services = new ServiceCollection();
        var store = _store;
        services.AddSingleton(store);
        services.AddPowers(o => o.RecordDecisions = true).AddDecisionRecordSink<MemoryRecordSink>();
        using var provider = services.BuildServiceProvider();
        var powers = provider.GetRequiredService<IPowersService>();
        return [.. Queries.Select(q => powers.Decide(q).DecisionId)];
    }
}
