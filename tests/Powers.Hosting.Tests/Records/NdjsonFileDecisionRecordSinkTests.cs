using System.Text.Json;
using Powers.Hosting.Tests.TestSupport;

namespace Powers.Hosting.Tests.Records;

public sealed class NdjsonFileDecisionRecordSinkTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "powers-records-" + Guid.NewGuid().ToString("N"));

    public NdjsonFileDecisionRecordSinkTests() => Directory.CreateDirectory(_directory);

    [Fact]
    public void Write_ExistingFile_AppendsAndNeverTruncates()
    {
        string path = Path.Combine(_directory, "decisions.ndjson");
        File.WriteAllText(path, "{\"earlier\":1}\n");

        using (var host = FileHost(path))
        {
            host.Powers.Decide(RulesDirectory.Query);
            host.Powers.Decide(RulesDirectory.Query);
        }

        using (var host = FileHost(path))
        {
            host.Powers.Decide(RulesDirectory.Query);
        }

        var lines = File.ReadAllLines(path);
        Assert.Equal(4, lines.Length);
        Assert.Equal("{\"earlier\":1}", lines[0]);
        Assert.All(lines.Skip(1), l => Assert.Equal("pra2002-sch4", JsonDocument.Parse(l).RootElement.GetProperty("ruleset").GetProperty("id").GetString()));
    }

    [Fact]
    public void Write_FileWithoutFinalLineBreak_StartsOnANewLine()
    {
        string path = Path.Combine(_directory, "torn.ndjson");
        File.WriteAllText(path, "{\"torn\":");

        using (var host = FileHost(path))
        {
            host.Powers.Decide(RulesDirectory.Query);
        }

        var lines = File.ReadAllLines(path);
        Assert.Equal(2, lines.Length);
        Assert.Equal("{\"torn\":", lines[0]);
        Assert.StartsWith("{\"decisionId\":", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Write_ManyThreads_EveryRecordWholeOnItsOwnLine()
    {
        string path = Path.Combine(_directory, "parallel.ndjson");
        var ids = new System.Collections.Concurrent.ConcurrentBag<string>();
        using (var host = FileHost(path))
        {
            Parallel.For(0, 200, new ParallelOptions { MaxDegreeOfParallelism = 4 }, _ => ids.Add(host.Powers.Decide(RulesDirectory.Query).DecisionId));
        }

        var recorded = File.ReadAllLines(path).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("decisionId").GetString()).ToHashSet();
        Assert.Equal(200, recorded.Count);
        Assert.True(recorded.SetEquals(ids));
    }

    [Fact]
    public void Write_BeforeDisposeReturns_RecordIsOnDisk()
    {
        string path = Path.Combine(_directory, "flushed.ndjson");
        using var host = FileHost(path);

        string id = host.Powers.Decide(RulesDirectory.Query).DecisionId;

        using var reader = new StreamReader(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
        Assert.Contains(id, reader.ReadToEnd(), StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static TestHost FileHost(string path) => new(o =>
    {
        o.RecordDecisions = true;
        o.DecisionRecordsPath = path;
    });
}
