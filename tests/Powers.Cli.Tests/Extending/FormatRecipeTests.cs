using Powers.Cli.Commands;
using Powers.Decisions;
using Powers.Model;

namespace Powers.Cli.Tests.Extending;

/// <summary>
/// docs/extending.md, "An output format of <c>powers query</c>" (issue 23 item 4): a format of the test's own, the
/// page's code, registered as the page says (one entry beside <see cref="QueryFormats.All"/>'s), is what
/// <c>--format</c> takes, what <c>--help</c> lists, and what writes a document and an NDJSON stream.
/// </summary>
public sealed class FormatRecipeTests
{
    private const string Permits = """{"date":"2013-03-01","designation":"met-2002-security","facts":{"inUniform":true,"roadCheckAuthorised":true,"inPoliceArea":true}}""";
    private const string PermitsNone = """{"date":"2001-03-01","designation":"met-2002-security","facts":{}}""";

    /// <summary>The ids of the powers permitted, one line: a test's format, as docs/extending.md adds one.</summary>
    internal static readonly QueryFormat Permitted = new("permitted", ForPeople: false, DecisionDetail.Outcomes,
        (output, decision, _, onlyPower, _) => output.WriteLine(PermittedIds(decision, onlyPower)),
        (output, entry, answer) =>
        {
            entry.Decide(answer.Situation);
            output.WriteLine(PermittedIds(Decision.FromBuffer(entry.Plan, answer.Designation, answer.Date, entry.Buffer, answer.Situation), answer.OnlyPower));
        });

    private static readonly IReadOnlyList<QueryFormat> Formats = [.. QueryFormats.All, Permitted];

    [Fact]
    public void Document_ShowsTheFormatAsThisTestHasIt()
    {
        var code = ExtendingDocument.Blocks("An output format of `powers query`").Single(b => b.Language == "csharp");

        Assert.True(ExtendingDocument.Shows("tests/Powers.Cli.Tests/Extending/FormatRecipeTests.cs", code), "docs/extending.md shows another format than FormatRecipeTests has:\n" + code.Text);
    }

    [Fact]
    public void Query_FormatRegistered_WritesTheDocument()
    {
        var run = Run(Permits, "query", "--rules", CliRun.RulesDirectory, "--input", "-", "--format", "permitted");

        Assert.Equal(string.Empty, run.Problems);
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(PermittedByTheOutcomesFormat(Permits) + Environment.NewLine, run.Out);
    }

    [Fact]
    public void Query_FormatRegisteredOnNdjson_OneLineAQueryAndAnErrorLineInJson()
    {
        var run = Run(Permits + "\n" + "{\"date\":\n" + PermitsNone + "\n", "query", "--rules", CliRun.RulesDirectory, "--input", "-", "--ndjson", "--format", "permitted");

        Assert.Equal(2, run.ExitCode);
        string[] lines = run.Out.ReplaceLineEndings("\n").Split('\n');
        Assert.Equal(4, lines.Length);
        Assert.Equal(PermittedByTheOutcomesFormat(Permits), lines[0]);
        Assert.StartsWith("{\"line\":2,\"errors\":[", lines[1], StringComparison.Ordinal);
        Assert.Equal(string.Empty, lines[2]);
        Assert.Equal(string.Empty, lines[3]);
    }

    [Fact]
    public void Help_FormatRegistered_Listed()
    {
        var run = Run(string.Empty, "query", "--help");

        Assert.Contains("Output format: text, json, outcomes, permitted.", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Query_FormatNotRegistered_Refused()
    {
        // What registering changes: the tool as shipped does not take the name.
        var run = CliRun.WithInput(Permits, "query", "--rules", CliRun.RulesDirectory, "--input", "-", "--format", "permitted");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(string.Empty, run.Out);
        Assert.StartsWith("powers: Argument 'permitted' not recognized.", run.Error, StringComparison.Ordinal);
    }

    /// <summary>The powers the shipped <c>outcomes</c> format says are permitted, in its order, as the new format should list them.</summary>
    private static string PermittedByTheOutcomesFormat(string query)
    {
        var run = CliRun.WithInput(query, "query", "--rules", CliRun.RulesDirectory, "--input", "-", "--format", "outcomes");
        Assert.Equal(0, run.ExitCode);
        string ids = string.Join(' ', Newtonsoft.Json.Linq.JObject.Parse(run.Out).Properties().Where(p => (string?)p.Value == "permitted").Select(p => p.Name));
        Assert.NotEqual(string.Empty, ids);
        return ids;
    }

    private static string PermittedIds(Decision decision, string? onlyPower) =>
        string.Join(' ', decision.Powers.Where(p => p.Outcome == Outcome.Permitted && (onlyPower is null || p.Power == onlyPower)).Select(p => p.Power));

    private static CliRun Run(string stdin, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = PowersCli.Run(args, new CliConsole(output, error, new StringReader(stdin), ErrorIsTerminal: false), Formats);
        return new CliRun(code, output.ToString(), error.ToString());
    }
}
