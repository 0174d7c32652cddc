using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using Powers.Cli.Commands;
using Powers.Cli.Replay;
using Powers.Compilation;
using Powers.Hosting;

namespace Powers.Cli.Tests.Commands;

/// <summary>
/// <c>powers replay</c> and <c>--verify --trusted-key</c> through the record-source contract alone (issue 23 item 4):
/// a third source, kept in memory by this test as a table would keep rows (records and checkpoints filed under their
/// writer and sequence), is replayed and its chain checked against its signed checkpoints with nothing else from it.
/// </summary>
public sealed class ReplaySourceContractTests : IDisposable
{
    private static readonly string[] Queries =
    [
        """{"date":"2013-03-01","designation":"met-2002-security","facts":{"inUniform":true,"roadCheckAuthorised":true,"inPoliceArea":false}}""",
        """{"date":"2013-03-01","designation":"met-2002-security","facts":{"inUniform":true,"roadCheckAuthorised":true,"inPoliceArea":true}}""",
        """{"date":"2013-03-01","designation":"met-2002-security","facts":{"inUniform":false}}""",
        """{"date":"2009-09-01","designation":{"force":"kent","powers":["road-check","cordon"]},"facts":{"inCordonedArea":true}}""",
        """{"date":"2013-03-01","designation":"met-2002-security","facts":{"inUniform":true}}""",
    ];

    private readonly string _directory = Directory.CreateTempSubdirectory("powers-source").FullName;
    private readonly TrustedKey _key;
    private readonly string[] _ids;

    public ReplaySourceContractTests()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        File.WriteAllText(KeyPath, key.ExportECPrivateKeyPem());
        _key = TrustedKey.FromPem(key.ExportSubjectPublicKeyInfoPem(), source: "the test's key");
        _ids = Record();
    }

    private string PathOf => Path.Combine(_directory, "decisions.ndjson");

    private string KeyPath => Path.Combine(_directory, "records.pem");

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void VerifySigned_ThirdSourceUntouched_IntactWithEveryCheckpointMatched()
    {
        var source = MemorySource.Of(PathOf);
        var run = CliRun.Capture(console => ReplayCommand.VerifySigned(console, source, "text", [_key]));

        Assert.Equal(string.Empty, run.Error);
        Assert.Equal(0, run.ExitCode);
        Assert.Equal("intact: 5 records, 1 chain: writer " + source.Writer + " records 1 to 5, the last memory row 5 (decision " + _ids[4] + "); 3 records matched their signed checkpoint" + Environment.NewLine, run.Out);
    }

    [Fact]
    public void VerifySigned_ThirdSourceCutFromTheEnd_DeletedAtItsLastCheckpoint()
    {
        var source = MemorySource.Of(PathOf, records: 3);
        var run = CliRun.Capture(console => ReplayCommand.VerifySigned(console, source, "text", [_key]));

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("broken: deleted: memory checkpoint 3: records 4 to 5 of writer " + source.Writer + " missing from the end: the signed checkpoint says the chain reached record 5 (signed ", run.Out, StringComparison.Ordinal);
        Assert.EndsWith("); the trail ends at record 3: cut from the end" + Environment.NewLine, run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void VerifySigned_ThirdSourceCheckpointFiledUnderAnotherRecord_CheckpointBreak()
    {
        var source = MemorySource.Of(PathOf, misfile: true);
        var run = CliRun.Capture(console => ReplayCommand.VerifySigned(console, source, "text", [_key]));

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("broken: checkpoint: memory checkpoint 1: its columns name record 3 of writer " + source.Writer + ", but it signs record 2 of writer " + source.Writer + ": the row was changed after it was stored" + Environment.NewLine, run.Out);
    }

    [Fact]
    public void VerifySigned_ThirdSourceWithoutCheckpoints_UnverifiedNamingItsPlace()
    {
        var source = MemorySource.Of(PathOf, checkpoints: false);
        var run = CliRun.Capture(console => ReplayCommand.VerifySigned(console, source, "text", [_key]));

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("unverified: no checkpoints list 'memory checkpoints': the trail cannot be checked against a signature (the host signs none, or they were deleted)" + Environment.NewLine, run.Out);
    }

    [Fact]
    public void Run_ThirdSource_EveryRecordReplayedUnchanged()
    {
        var source = MemorySource.Of(PathOf);
        var library = LibraryLoader.Load(LibraryLoader.Choose(null), new CliConsole(TextWriter.Null, TextWriter.Null, TextReader.Null, ErrorIsTerminal: false), TextWriter.Null)!;
        var run = CliRun.Capture(console => ReplayCommand.Run(console, new Replayer(new PowersEngine(library), named: true), source, "text"));

        Assert.Equal(string.Empty, run.Error);
        Assert.Equal(0, run.ExitCode);
        Assert.Equal("5 replayed, 0 changed (0 power outcomes)" + Environment.NewLine, run.Out);
    }

    private string[] Record()
    {
        var services = new ServiceCollection();
        services.AddPowers(o =>
        {
            o.RecordDecisions = true;
            o.DecisionRecordsPath = PathOf;
            o.DecisionRecordsSigningKey = KeyPath;
            o.DecisionRecordsCheckpointEvery = 2;
        });
        using var provider = services.BuildServiceProvider();
        var powers = provider.GetRequiredService<IPowersService>();
        return [.. Queries.Select(q => powers.Decide(q).DecisionId)];
    }

    /// <summary>
    /// A record source as a sink package would ship one, over rows this test holds: the records a host wrote, and the
    /// checkpoints it signed, each filed under the writer and record its payload names (as a table's columns would).
    /// </summary>
    private sealed class MemorySource(List<StoredDecisionRecord> records, List<StoredCheckpoint>? checkpoints, string writer) : IDecisionRecordSource
    {
        public string Name => "memory";

        public bool IsStream => false;

        public string Writer => writer;

        public static MemorySource Of(string path, int records = int.MaxValue, bool checkpoints = true, bool misfile = false)
        {
            var lines = File.ReadAllLines(path);
            string writer = (string)JObject.Parse(lines[0])["chain"]!["writer"]!;
            var rows = lines.Take(records).Select((line, i) => new StoredDecisionRecord(Encoding.UTF8.GetBytes(line), "memory row " + (i + 1))).ToList();
            var signed = File.ReadAllLines(path + ".checkpoints").Select((line, i) =>
            {
                long sequence = (long)JObject.Parse(Encoding.UTF8.GetString(System.Buffers.Text.Base64Url.DecodeFromChars(line.Split('.')[1])))["seq"]!;
                return new StoredCheckpoint(line, "memory checkpoint " + (i + 1), writer: writer, sequence: misfile && i == 0 ? sequence + 1 : sequence);
            }).ToList();
            return new MemorySource(rows, checkpoints ? signed : null, writer);
        }

        public IEnumerable<StoredDecisionRecord> Read() => records;

        public StoredCheckpoints ReadCheckpoints() => new("list", "memory checkpoints", checkpoints);
    }
}
