using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using Powers.Hosting;

namespace Powers.Cli.Tests.Commands;

/// <summary>
/// <c>powers replay RECORDS --verify --trusted-key PUB.pem</c> on a trail whose host signed checkpoints of its chain's
/// head (issue 21, item 2): records cut from the end up to a checkpoint and a trail rewritten with every link
/// recomputed are found; records after the last checkpoint can still be cut unseen, and the report says which.
/// </summary>
public sealed partial class ReplayCheckpointTests : IDisposable
{
    private static readonly string[] Queries =
    [
        """{"date":"2013-03-01","designation":"met-2002-security","facts":{"inUniform":true,"roadCheckAuthorised":true,"inPoliceArea":false}}""",
        """{"date":"2013-03-01","designation":"met-2002-security","facts":{"inUniform":true,"roadCheckAuthorised":true,"inPoliceArea":true}}""",
        """{"date":"2013-03-01","designation":"met-2002-security","facts":{"inUniform":false}}""",
        """{"date":"2009-09-01","designation":{"force":"kent","powers":["road-check","cordon"]},"facts":{"inCordonedArea":true}}""",
        """{"date":"2013-03-01","designation":"met-2002-security","facts":{"inUniform":true}}""",
    ];

    private readonly string _directory = Directory.CreateTempSubdirectory("powers-checkpoints").FullName;

    public ReplayCheckpointTests()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        File.WriteAllText(KeyPath, key.ExportECPrivateKeyPem());
        File.WriteAllText(PublicPath, key.ExportSubjectPublicKeyInfoPem());
    }

    private string PathOf => Path.Combine(_directory, "decisions.ndjson");

    private string CheckpointsOf => PathOf + ".checkpoints";

    private string KeyPath => Path.Combine(_directory, "records.pem");

    private string PublicPath => Path.Combine(_directory, "records.pub.pem");

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Verify_SignedTrailUntouched_ExitsZeroCountingCheckpoints()
    {
        var ids = Record(Queries);

        var run = CliRun.Of("replay", PathOf, "--verify", "--trusted-key", PublicPath);

        // Every 2 records, and the last as the host stopped: records 2, 4 and 5.
        Assert.Equal(3, File.ReadAllLines(CheckpointsOf).Length);
        Assert.Equal(string.Empty, run.Error);
        Assert.Equal(0, run.ExitCode);
        Assert.Equal("intact: 5 records, 1 chain: writer " + Writer() + " records 1 to 5, the last " + PathOf + "(5) (decision " + ids[4] + "); 3 records matched their signed checkpoint" + Environment.NewLine, run.Out);
    }

    [Fact]
    public void Verify_RecordsCutFromTheEnd_NamesTheMissingRecords()
    {
        Record(Queries);
        string writer = Writer();
        Lines(lines => lines.RemoveRange(3, 2));

        var plain = CliRun.Of("replay", PathOf, "--verify");
        var signed = CliRun.Of("replay", PathOf, "--verify", "--trusted-key", PublicPath);

        // The chain alone cannot tell a cut end from a short trail.
        Assert.Equal(0, plain.ExitCode);
        Assert.Equal(1, signed.ExitCode);
        Assert.Matches(
            "^broken: deleted: " + Regex.Escape(CheckpointsOf + "(3)") + ": records 4 to 5 of writer " + writer + " missing from the end: the signed checkpoint says the chain reached record 5 \\(signed [0-9-]+ [0-9:]+Z\\); the trail ends at record 3: cut from the end" + Regex.Escape(Environment.NewLine) + "$",
            signed.Out);
    }

    [Fact]
    public void Verify_TrailRewrittenWithEveryLinkRecomputed_FailsAtTheFirstCheckpointAfterTheEdit()
    {
        var ids = Record(Queries);
        Lines(lines =>
        {
            lines[0] = lines[0].Replace("\"inPoliceArea\":false", "\"inPoliceArea\":true", StringComparison.Ordinal);
            for (int i = 1; i < lines.Count; i++)
            {
                string prev = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(lines[i - 1] + "\n")));
                lines[i] = Prev().Replace(lines[i], "\"prev\":\"" + prev + "\"");
            }
        });

        var plain = CliRun.Of("replay", PathOf, "--verify");
        var signed = CliRun.Of("replay", PathOf, "--verify", "--trusted-key", PublicPath);

        Assert.Equal(0, plain.ExitCode);
        Assert.Equal(1, signed.ExitCode);
        Assert.Equal(
            "broken: edited: " + PathOf + "(2) (decision " + ids[1] + "): record 2 of writer " + Writer() + " does not match the signed checkpoint " + CheckpointsOf + "(1): it, or a record before it with every link after it recomputed, was changed after it was signed" + Environment.NewLine,
            signed.Out);
    }

    [Fact]
    public void Verify_CutAfterTheLastCheckpoint_NotFoundAndTheReportSaysWhereTheCoverEnds()
    {
        Record(Queries);
        string writer = Writer();

        // A host that crashed after record 5 signed records 2 and 4 only; then record 5 is cut.
        File.WriteAllLines(CheckpointsOf, File.ReadAllLines(CheckpointsOf)[..2]);
        var before = CliRun.Of("replay", PathOf, "--verify", "--trusted-key", PublicPath);
        Lines(lines => lines.RemoveAt(4));
        var after = CliRun.Of("replay", PathOf, "--verify", "--trusted-key", PublicPath);

        Assert.Equal(0, before.ExitCode);
        Assert.EndsWith("note: records 5 to 5 of writer " + writer + " come after its last signed checkpoint (" + CheckpointsOf + "(2)): a cut among them would not be found" + Environment.NewLine, before.Out, StringComparison.Ordinal);
        Assert.Equal(0, after.ExitCode);
        Assert.DoesNotContain("note:", after.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_CheckpointSignedByAnotherKey_Fails()
    {
        Record(Queries);
        using var other = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        string otherPublic = Path.Combine(_directory, "other.pub.pem");
        File.WriteAllText(otherPublic, other.ExportSubjectPublicKeyInfoPem());

        var run = CliRun.Of("replay", PathOf, "--verify", "--trusted-key", otherPublic);

        Assert.Equal(1, run.ExitCode);
        Assert.Matches("^broken: checkpoint: " + Regex.Escape(CheckpointsOf + "(1)") + ": signed with key '[A-Za-z0-9_-]{43}', which is not a trusted key" + Regex.Escape(Environment.NewLine) + "$", run.Out);
    }

    [Fact]
    public void Verify_CheckpointPayloadChanged_SignatureDoesNotVerify()
    {
        Record(Queries);
        var lines = File.ReadAllLines(CheckpointsOf);
        string[] parts = lines[1].Split('.');
        string payload = Encoding.UTF8.GetString(Base64Url(parts[1]));
        parts[1] = System.Buffers.Text.Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload.Replace("\"seq\":4", "\"seq\":3", StringComparison.Ordinal)));
        lines[1] = string.Join('.', parts);
        File.WriteAllLines(CheckpointsOf, lines);

        var run = CliRun.Of("replay", PathOf, "--verify", "--trusted-key", PublicPath);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("broken: checkpoint: " + CheckpointsOf + "(2): its signature does not verify with " + PublicPath + ": forged, or changed after it was signed" + Environment.NewLine, run.Out);
    }

    [Fact]
    public void Verify_CheckpointLineDeletedBeforeAnother_NamesTheOneAfterIt()
    {
        Record(Queries);
        var lines = File.ReadAllLines(CheckpointsOf).ToList();
        // Record 4's checkpoint; record 5's, signed as the host stopped, names it as the one before.
        lines.RemoveAt(1);
        File.WriteAllLines(CheckpointsOf, lines);

        var run = CliRun.Of("replay", PathOf, "--verify", "--trusted-key", PublicPath);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("broken: deleted: " + CheckpointsOf + "(2): the signed checkpoint of record 5 of writer " + Writer() + " follows one of record 4, which is not there: a checkpoint was deleted" + Environment.NewLine, run.Out);
    }

    [Fact]
    public void Verify_CheckpointLineOfTheRunBeforeARestartDeleted_Found()
    {
        Record(Queries[..3]);
        // Records 1 to 3 signed at 2 and as the host stopped (3); the restarted host reads its last checkpoint back,
        // counts from 3 and signs 5 after it, naming 3.
        Record(Queries[3..]);
        var lines = File.ReadAllLines(CheckpointsOf).ToList();
        lines.RemoveAt(1);
        File.WriteAllLines(CheckpointsOf, lines);

        var run = CliRun.Of("replay", PathOf, "--verify", "--trusted-key", PublicPath);

        Assert.Equal(2, lines.Count);
        Assert.Equal(1, run.ExitCode);
        Assert.Equal("broken: deleted: " + CheckpointsOf + "(2): the signed checkpoint of record 5 of writer " + Writer() + " follows one of record 3, which is not there: a checkpoint was deleted" + Environment.NewLine, run.Out);
    }

    [Fact]
    public void Verify_CheckpointsFileDeleted_Unverified()
    {
        Record(Queries);
        File.Delete(CheckpointsOf);

        var run = CliRun.Of("replay", PathOf, "--verify", "--trusted-key", PublicPath);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("unverified: no checkpoints file '" + CheckpointsOf + "': the trail cannot be checked against a signature (the host signs none, or they were deleted)" + Environment.NewLine, run.Out);
    }

    [Fact]
    public void Verify_CheckpointPayloadChangedJson_TheVerifyDocumentWithACheckpointBreak()
    {
        Record(Queries);
        var lines = File.ReadAllLines(CheckpointsOf);
        string[] parts = lines[1].Split('.');
        string payload = Encoding.UTF8.GetString(Base64Url(parts[1]));
        parts[1] = System.Buffers.Text.Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload.Replace("\"seq\":4", "\"seq\":3", StringComparison.Ordinal)));
        lines[1] = string.Join('.', parts);
        File.WriteAllLines(CheckpointsOf, lines);

        var run = CliRun.Of("replay", PathOf, "--verify", "--trusted-key", PublicPath, "--format", "json");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(string.Empty, run.Error);
        Assert.Equal(
            new JObject
            {
                ["status"] = "broken",
                ["intact"] = false,
                ["records"] = 0,
                ["unchained"] = 0,
                ["checkpoints"] = 0,
                ["chains"] = new JArray(),
                ["notes"] = new JArray(),
                ["break"] = new JObject
                {
                    ["kind"] = "checkpoint",
                    ["where"] = CheckpointsOf + "(2)",
                    ["line"] = 2,
                    ["id"] = null,
                    ["message"] = "its signature does not verify with " + PublicPath + ": forged, or changed after it was signed",
                },
            }.ToString(),
            JObject.Parse(run.Out).ToString());
    }

    [Fact]
    public void Verify_CheckpointsFileDeletedJson_TheVerifyDocumentUnverified()
    {
        Record(Queries);
        File.Delete(CheckpointsOf);

        var run = CliRun.Of("replay", PathOf, "--verify", "--trusted-key", PublicPath, "--format", "json");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(string.Empty, run.Error);
        Assert.Equal(
            new JObject
            {
                ["status"] = "unverified",
                ["intact"] = false,
                ["records"] = 0,
                ["unchained"] = 0,
                ["checkpoints"] = 0,
                ["chains"] = new JArray(),
                ["notes"] = new JArray("no checkpoints file '" + CheckpointsOf + "': the trail cannot be checked against a signature (the host signs none, or they were deleted)"),
                ["break"] = null,
            }.ToString(),
            JObject.Parse(run.Out).ToString());
    }

    [Fact]
    public void Verify_CheckpointsFileEmptyJson_TheVerifyDocumentUnverified()
    {
        Record(Queries);
        File.WriteAllText(CheckpointsOf, string.Empty);

        var text = CliRun.Of("replay", PathOf, "--verify", "--trusted-key", PublicPath);
        var json = CliRun.Of("replay", PathOf, "--verify", "--trusted-key", PublicPath, "--format", "json");

        Assert.Equal(1, text.ExitCode);
        Assert.Equal("unverified: '" + CheckpointsOf + "' holds no signed checkpoint" + Environment.NewLine, text.Out);
        Assert.Equal(1, json.ExitCode);
        var report = JObject.Parse(json.Out);
        Assert.Equal("unverified", (string?)report["status"]);
        Assert.False((bool)report["intact"]!);
        Assert.Equal(JTokenType.Null, report["break"]!.Type);
        Assert.Equal(new JArray("'" + CheckpointsOf + "' holds no signed checkpoint").ToString(), report["notes"]!.ToString());
    }

    [Fact]
    public void Verify_SignedTrailUntouchedJson_StatusIntact()
    {
        Record(Queries);

        var run = CliRun.Of("replay", PathOf, "--verify", "--trusted-key", PublicPath, "--format", "json");

        Assert.Equal(0, run.ExitCode);
        var report = JObject.Parse(run.Out);
        Assert.Equal("intact", (string?)report["status"]);
        Assert.True((bool)report["intact"]!);
        Assert.Equal(3, (long)report["checkpoints"]!);
    }

    [Fact]
    public void Replay_TrustedKeyWithoutVerify_BadInput()
    {
        Record(Queries[..1]);

        var run = CliRun.Of("replay", PathOf, "--trusted-key", PublicPath);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("powers: bad input: --trusted-key and --checkpoints go with --verify" + Environment.NewLine, run.Error);
    }

    private static byte[] Base64Url(string text) => System.Buffers.Text.Base64Url.DecodeFromChars(text);

    [GeneratedRegex("\"prev\":\"[0-9a-f]{64}\"")]
    private static partial Regex Prev();

    private string[] Record(string[] queries)
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
        return [.. queries.Select(q => powers.Decide(q).DecisionId)];
    }

    private string Writer() => (string)JObject.Parse(File.ReadAllLines(PathOf)[0])["chain"]!["writer"]!;

    private void Lines(Action<List<string>> change)
    {
        var lines = File.ReadAllLines(PathOf).ToList();
        change(lines);
        File.WriteAllText(PathOf, string.Join("\n", lines) + "\n");
    }
}
