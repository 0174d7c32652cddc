using Newtonsoft.Json.Linq;

namespace Powers.Cli.Tests.Commands;

/// <summary>Issue 20, item 2: <c>powers query --detail</c> chooses how much of each decision the JSON holds.</summary>
public class QueryDetailTests
{
    private const string Query = """{"date":"2013-03-01","designation":"met-2002-security","facts":{"inUniform":true}}""";

    [Fact]
    public void Query_DetailReasons_EachPowerWithoutItsTexts()
    {
        var run = CliRun.WithInput(Query, "query", "--input", "-", "--format", "json", "--detail", "reasons");
        Assert.Equal(0, run.ExitCode);
        var roadCheck = (JObject)((JArray)JObject.Parse(run.Out)["decisions"]!).Single(d => (string?)d["power"] == "road-check");
        Assert.Equal(["power", "outcome", "cite", "confidence", "clauses", "missing"], roadCheck.Properties().Select(p => p.Name));
    }

    [Fact]
    public void Query_DetailFull_SameAsNoDetail()
    {
        var full = CliRun.WithInput(Query, "query", "--input", "-", "--format", "json", "--detail", "full");
        var plain = CliRun.WithInput(Query, "query", "--input", "-", "--format", "json");
        Assert.Equal(0, full.ExitCode);
        Assert.Equal(plain.Out, full.Out);
        Assert.Contains("\"permittedIf\"", full.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Query_JsonDetailOutcomes_SameAsFormatOutcomes()
    {
        var detail = CliRun.WithInput(Query, "query", "--input", "-", "--format", "json", "--detail", "outcomes");
        var format = CliRun.WithInput(Query, "query", "--input", "-", "--format", "outcomes");
        Assert.Equal(0, detail.ExitCode);
        Assert.Equal(format.Out, detail.Out);
    }

    [Fact]
    public void Query_NdjsonDetailReasons_EveryLineAtReasons()
    {
        var run = CliRun.WithInput(Query + "\n" + Query + "\n", "query", "--input", "-", "--ndjson", "--detail", "reasons");
        Assert.Equal(0, run.ExitCode);
        var lines = run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.All(lines, l => Assert.All((JArray)JObject.Parse(l)["decisions"]!, d => Assert.Null(d["title"])));
    }

    [Fact]
    public void Query_TextWithDetailReasons_ExitsTwoSayingToUseJson()
    {
        var run = CliRun.Of("query", "--date", "2013-03-01", "--designation", "met-2002-security", "--detail", "reasons");
        Assert.Equal(2, run.ExitCode);
        Assert.Equal(string.Empty, run.Body);
        Assert.Equal("powers: bad input: --detail: the text format shows the whole decision; use --format json with --detail" + Environment.NewLine, run.Error);
    }

    [Fact]
    public void Query_FormatOutcomesWithDetailReasons_ExitsTwo()
    {
        var run = CliRun.WithInput(Query, "query", "--input", "-", "--format", "outcomes", "--detail", "reasons");
        Assert.Equal(2, run.ExitCode);
        Assert.Equal("powers: bad input: --detail: --format outcomes writes outcomes only; use --format json --detail reasons" + Environment.NewLine, run.Error);
    }
}
