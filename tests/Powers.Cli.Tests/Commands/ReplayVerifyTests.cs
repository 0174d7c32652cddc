using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using Powers.Hosting;

namespace Powers.Cli.Tests.Commands;

/// <summary><c>powers replay RECORDS --verify</c> on a file the host wrote: every kind of tampering found and named (issue 21, item 2).</summary>
public sealed class ReplayVerifyTests : IDisposable
{
    private static readonly string[] Queries =
    [
        """{"date":"2013-03-01","designation":"met-2002-security","facts":{"inUniform":true,"roadCheckAuthorised":true,"inPoliceArea":false}}""",
        """{"date":"2013-03-01","designation":"met-2002-security","facts":{"inUniform":true,"roadCheckAuthorised":true,"inPoliceArea":true}}""",
        """{"date":"2018-03-01","designation":{"force":"kent","powers":["detain-pending-constable","reasonable-force-to-detain"],"made":"2016-01-01"},"facts":{"inUniform":true}}""",
        """{"date":"2013-03-01","designation":"met-2002-security","facts":{"inUniform":false}}""",
        """{"date":"2009-09-01","designation":{"force":"kent","powers":["road-check","cordon"]},"facts":{"inCordonedArea":true}}""",
    ];

    private readonly string _directory = Directory.CreateTempSubdirectory("powers-verify").FullName;

    private string PathOf => Path.Combine(_directory, "decisions.ndjson");

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Verify_UntouchedTrail_ExitsZeroNamingTheLastRecord()
    {
        var ids = Record(Queries);

        var run = Verify();

        Assert.Equal(string.Empty, run.Error);
        Assert.Equal(0, run.ExitCode);
        Assert.Equal("intact: 5 records, 1 chain: writer " + Writer(1) + " records 1 to 5, the last " + PathOf + "(5) (decision " + ids[4] + ")" + Environment.NewLine, run.Out);
    }

    [Fact]
    public void Verify_RestartedHost_ContinuesTheChainFromTheLastRecord()
    {
        Record(Queries[..2]);
        var ids = Record(Queries[2..]);

        var run = Verify();

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(Writer(1), Writer(3));
        Assert.Equal(3, Sequence(3));
        Assert.Equal("intact: 5 records, 1 chain: writer " + Writer(1) + " records 1 to 5, the last " + PathOf + "(5) (decision " + ids[2] + ")" + Environment.NewLine, run.Out);
    }

    [Fact]
    public void Verify_EditedRecord_NamesItByLineAndId()
    {
        var ids = Record(Queries);
        Edit(2, line => line.Replace("\"inPoliceArea\":true", "\"inPoliceArea\":false", StringComparison.Ordinal));

        var run = Verify();

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(
            "broken: edited: " + PathOf + "(2) (decision " + ids[1] + "): changed after it was written: the link of the next record, " + PathOf + "(3) (decision " + ids[2] + "), does not match it" + Environment.NewLine,
            run.Out);
    }

    [Fact]
    public void Verify_DeletedRecord_NamesTheGap()
    {
        var ids = Record(Queries);
        Lines(lines => lines.RemoveAt(2));

        var run = Verify();

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(
            "broken: deleted: " + PathOf + "(3) (decision " + ids[3] + "): record 3 of writer " + Writer(1) + " missing between " + PathOf + "(2) (decision " + ids[1] + ") and it: deleted" + Environment.NewLine,
            run.Out);
    }

    [Fact]
    public void Verify_DeletedFirstRecord_NamesTheStartOfTheChain()
    {
        var ids = Record(Queries);
        Lines(lines => lines.RemoveAt(0));

        var run = Verify();

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("broken: deleted: " + PathOf + "(1) (decision " + ids[1] + "): record 1 of writer " + Writer(1) + " missing before it, the start of the chain: deleted" + Environment.NewLine, run.Out);
    }

    [Fact]
    public void Verify_CopiedRecordInserted_NamesTheCopy()
    {
        var ids = Record(Queries);
        Lines(lines => lines.Insert(3, lines[1]));

        var run = Verify();

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(
            "broken: inserted: " + PathOf + "(4) (decision " + ids[1] + "): record 2 of writer " + Writer(1) + " again, after " + PathOf + "(3) (decision " + ids[2] + ") (record 3 of writer " + Writer(1) + "): inserted, or reordered" + Environment.NewLine,
            run.Out);
    }

    [Fact]
    public void Verify_LineInserted_NamesTheLine()
    {
        var ids = Record(Queries);
        Lines(lines => lines.Insert(2, "{\"note\":\"added later\"}"));

        var run = Verify();

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(
            "broken: inserted: " + PathOf + "(3): not a record, between " + PathOf + "(2) (decision " + ids[1] + ") and " + PathOf + "(4) (decision " + ids[2] + "), and not covered by the chain: inserted" + Environment.NewLine,
            run.Out);
    }

    [Fact]
    public void Verify_RecordWithoutItsLinkInserted_NamesIt()
    {
        var ids = Record(Queries);
        Lines(lines =>
        {
            var forged = JObject.Parse(lines[1]);
            forged.Remove("chain");
            forged["decisionId"] = "019aab6c-0000-7000-8000-000000000000";
            lines.Insert(2, forged.ToString(Newtonsoft.Json.Formatting.None));
        });

        var run = Verify();

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("broken: inserted: " + PathOf + "(3) (decision 019aab6c-0000-7000-8000-000000000000): a record without a chain link after the trail was chained (inserted, or appended by an older Powers)" + Environment.NewLine, run.Out);
    }

    [Fact]
    public void Verify_RecordsSwapped_NamesTheReordering()
    {
        var ids = Record(Queries);
        Lines(lines => (lines[1], lines[2]) = (lines[2], lines[1]));

        var run = Verify();

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(
            "broken: reordered: " + PathOf + "(2) (decision " + ids[2] + "): record 3 of writer " + Writer(1) + " comes before " + PathOf + "(3) (decision " + ids[1] + ") (record 2 of writer " + Writer(1) + "): reordered" + Environment.NewLine,
            run.Out);
    }

    [Fact]
    public void Verify_LastLineCutShortByACrash_ReportedAsACrashNotTampering()
    {
        var ids = Record(Queries);
        File.AppendAllText(PathOf, "{\"decisionId\":\"019aab6c-");

        var run = Verify();

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(
            "intact: 5 records, 1 chain: writer " + Writer(1) + " records 1 to 5, the last " + PathOf + "(5) (decision " + ids[4] + ")" + Environment.NewLine
                + "note: " + PathOf + "(6): the last line is cut short: a record that was being written when the writer stopped (a crash), not tampering" + Environment.NewLine,
            run.Out);
    }

    [Fact]
    public void Verify_LineCutShortThenRestart_CoveredByTheNextLink()
    {
        Record(Queries[..2]);
        File.AppendAllText(PathOf, "{\"decisionId\":\"019aab6c-");
        var ids = Record(Queries[2..]);

        var run = Verify();

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(
            "intact: 5 records, 1 chain: writer " + Writer(1) + " records 1 to 5, the last " + PathOf + "(6) (decision " + ids[2] + ")" + Environment.NewLine
                + "note: " + PathOf + "(3): not a record (a line cut short by a crash, or other text), covered by the chain" + Environment.NewLine,
            run.Out);
    }

    [Fact]
    public void Verify_OlderRecordsBeforeTheChain_CoveredByItsFirstLink()
    {
        Record(Queries[..2]);
        Unchain();
        var ids = Record(Queries[2..]);

        var intact = Verify();
        Edit(1, line => line.Replace("\"inPoliceArea\":false", "\"inPoliceArea\":true", StringComparison.Ordinal));
        var edited = Verify();

        Assert.Equal(0, intact.ExitCode);
        Assert.Equal(
            "intact: 3 records, 1 chain: writer " + Writer(3) + " records 1 to 3, the last " + PathOf + "(5) (decision " + ids[2] + "); 2 older records without a chain before it, covered by its first link" + Environment.NewLine,
            intact.Out);
        Assert.Equal(1, edited.ExitCode);
        Assert.Equal(
            "broken: edited: " + PathOf + "(3) (decision " + ids[0] + "): the first chained record does not match what the file holds before it: a line before it was edited, inserted or deleted" + Environment.NewLine,
            edited.Out);
    }

    [Fact]
    public void Verify_OnlyOlderRecords_ExitsOneSayingNothingCanBeCheckedButTheyReplay()
    {
        Record(Queries[..2]);
        Unchain();

        var run = Verify();
        var replay = CliRun.Of("replay", PathOf);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("unverifiable: " + PathOf + " holds no chained record (2 older records, written before records were chained): nothing to check them against" + Environment.NewLine, run.Out);
        Assert.Equal(0, replay.ExitCode);
        Assert.Equal("2 replayed, 0 changed (0 power outcomes)" + Environment.NewLine, replay.Body);
    }

    [Fact]
    public void Verify_Json_ReportsTheBreak()
    {
        var ids = Record(Queries);
        Lines(lines => lines.RemoveAt(2));

        var run = Verify("--format", "json");

        Assert.Equal(1, run.ExitCode);
        var report = JObject.Parse(run.Out);
        Assert.False((bool)report["intact"]!);
        Assert.Equal("deleted", (string?)report["break"]!["kind"]);
        Assert.Equal(3, (long)report["break"]!["line"]!);
        Assert.Equal(ids[3], (string?)report["break"]!["id"]);
    }

    /// <summary>Makes every record an older one, as written before records kept the query and were chained.</summary>
    private void Unchain() => Lines(lines =>
    {
        for (int i = 0; i < lines.Count; i++)
        {
            var record = JObject.Parse(lines[i]);
            record.Remove("query");
            record.Remove("lowConfidence");
            record.Remove("chain");
            lines[i] = record.ToString(Newtonsoft.Json.Formatting.None);
        }
    });

    // powers replay FILE --verify, and any more arguments.
    private CliRun Verify(params string[] more) => CliRun.Of(["replay", PathOf, "--verify", .. more]);

    private string Writer(int line) => (string)JObject.Parse(File.ReadAllLines(PathOf)[line - 1])["chain"]!["writer"]!;

    private long Sequence(int line) => (long)JObject.Parse(File.ReadAllLines(PathOf)[line - 1])["chain"]!["seq"]!;

    private void Edit(int line, Func<string, string> change) => Lines(lines => lines[line - 1] = change(lines[line - 1]));

    private void Lines(Action<List<string>> change)
    {
        var lines = File.ReadAllLines(PathOf).ToList();
        change(lines);
        File.WriteAllText(PathOf, string.Join("\n", lines) + "\n");
    }

    /// <summary>Decides each query in a host that records to the file (a new host each call: a restart).</summary>
    private string[] Record(string[] queries)
    {
        var services = new ServiceCollection();
        services.AddPowers(o => { o.RecordDecisions = true; o.DecisionRecordsPath = PathOf; });
        using var provider = services.BuildServiceProvider();
        var powers = provider.GetRequiredService<IPowersService>();
        return [.. queries.Select(q => powers.Decide(q).DecisionId)];
    }
}
