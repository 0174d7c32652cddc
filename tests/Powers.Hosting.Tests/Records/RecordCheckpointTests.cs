using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Powers.Hosting.Tests.TestSupport;

namespace Powers.Hosting.Tests.Records;

/// <summary>The file sink signs its chain's head now and then (issue 21, item 2): by count, by time on the host's clock, and as it stops.</summary>
public sealed class RecordCheckpointTests : IDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);
    private readonly string _directory = Directory.CreateTempSubdirectory("powers-checkpoint").FullName;
    private readonly ECDsa _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public RecordCheckpointTests() => File.WriteAllText(KeyPath, _key.ExportPkcs8PrivateKeyPem());

    private string PathOf => Path.Combine(_directory, "decisions.ndjson");

    private string CheckpointsOf => PathOf + ".checkpoints";

    private string KeyPath => Path.Combine(_directory, "records.pem");

    public void Dispose()
    {
        _key.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public void Decide_IntervalPassesAfterRecords_CheckpointSignsTheLastRecord()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2013, 3, 1, 12, 0, 0, TimeSpan.Zero));
        using (var host = Host(clock, every: 1000))
        {
            host.Powers.Decide(RulesDirectory.Query);
            host.Powers.Decide(RulesDirectory.Query);
            Assert.False(File.Exists(CheckpointsOf));

            clock.Advance(TimeSpan.FromMinutes(5));
            Assert.True(TestHost.WaitUntil(() => File.Exists(CheckpointsOf) && File.ReadAllText(CheckpointsOf).EndsWith('\n'), Wait));
        }

        // Nothing was recorded after it, so the host signed nothing more as it stopped.
        string line = Assert.Single(File.ReadAllLines(CheckpointsOf));
        var checkpoint = Verified(line);
        string last = File.ReadAllLines(PathOf)[1];
        Assert.Equal(2, checkpoint.Sequence);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(last + "\n"))), checkpoint.Hash);
        Assert.Contains("\"writer\":\"" + checkpoint.Writer + "\",\"seq\":2,", last, StringComparison.Ordinal);
        Assert.Equal(clock.GetUtcNow(), checkpoint.At);
    }

    [Fact]
    public void Decide_EveryThreeRecords_CheckpointsAtThreeSixAndTheLastAsTheHostStops()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2013, 3, 1, 12, 0, 0, TimeSpan.Zero));
        using (var host = Host(clock, every: 3))
        {
            for (int i = 0; i < 7; i++)
            {
                host.Powers.Decide(RulesDirectory.Query);
            }
        }

        Assert.Equal([3L, 6L, 7L], File.ReadAllLines(CheckpointsOf).Select(l => Verified(l).Sequence));
    }

    [Fact]
    public void Options_SigningKeyWithoutRecordsFile_FailsNamingTheOption()
    {
        using var host = new TestHost(o =>
        {
            o.RecordDecisions = true;
            o.DecisionRecordsSigningKey = KeyPath;
        });

        var e = Assert.Throws<OptionsValidationException>(() => host.Provider.GetRequiredService<IOptions<PowersOptions>>().Value);

        Assert.Equal("Powers:DecisionRecordsSigningKey: checkpoints are written beside the records file; set Powers:RecordDecisions and Powers:DecisionRecordsPath, or remove the key.", Assert.Single(e.Failures));
    }

    [Fact]
    public void Options_SigningKeyIsAPublicKey_FailsNamingTheFile()
    {
        string pub = Path.Combine(_directory, "records.pub.pem");
        File.WriteAllText(pub, _key.ExportSubjectPublicKeyInfoPem());
        using var host = new TestHost(o =>
        {
            o.RecordDecisions = true;
            o.DecisionRecordsPath = PathOf;
            o.DecisionRecordsSigningKey = pub;
        });

        var e = Assert.Throws<OptionsValidationException>(() => host.Provider.GetRequiredService<IOptions<PowersOptions>>().Value);

        Assert.Equal("Powers:DecisionRecordsSigningKey: '" + pub + "' is not a P-256 private key (openssl ecparam -name prime256v1 -genkey -noout -out KEY.pem).", Assert.Single(e.Failures));
    }

    private TestHost Host(FakeTimeProvider clock, int every) => new(
        o =>
        {
            o.RecordDecisions = true;
            o.DecisionRecordsPath = PathOf;
            o.DecisionRecordsSigningKey = KeyPath;
            o.DecisionRecordsCheckpointEvery = every;
        },
        s => s.AddSingleton<TimeProvider>(clock));

    /// <summary>The checkpoint of a line whose ES256 signature verifies with the test's key.</summary>
    private RecordCheckpoint Verified(string line)
    {
        string[] parts = line.Split('.');
        Assert.Equal(3, parts.Length);
        Assert.Equal("{\"alg\":\"ES256\",\"kid\":\"", Encoding.UTF8.GetString(System.Buffers.Text.Base64Url.DecodeFromChars(parts[0]))[..22]);
        Assert.True(_key.VerifyData(Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]), System.Buffers.Text.Base64Url.DecodeFromChars(parts[2]), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation));
        return RecordCheckpoint.FromPayload(System.Buffers.Text.Base64Url.DecodeFromChars(parts[1]), "test", out string? problem) ?? throw new InvalidOperationException(problem);
    }
}
