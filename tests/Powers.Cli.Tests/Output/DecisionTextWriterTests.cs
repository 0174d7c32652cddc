namespace Powers.Cli.Tests.Output;

/// <summary>
/// Issue 24: the README's query printed 123 lines (21 KB), the same 1,100-character designation note four times and
/// clauses under powers that are not designated. Text is for a person: the table first, each note once, clauses
/// only where they decide a conferred power, everything else behind --verbose.
/// </summary>
public sealed class DecisionTextWriterTests
{
    private static readonly string[] ReadmeQuery =
    [
        "query", "--date", "2013-03-01", "--designation", "met-2002-security", "--fact", "inUniform=true", "--fact", "inPoliceArea=true",
        "--fact", "terrorismAuthorisation=s47a", "--fact", "authorisationAgeHours=20", "--fact", "searchOf=vehicle",
    ];

    [Fact]
    public void Query_ReadmesFirstExample_AtMostSixtyLinesTableFirstEachNoteOnce()
    {
        var run = CliRun.Of(ReadmeQuery);

        Assert.Equal(0, run.ExitCode);
        string[] lines = run.Out.TrimEnd().Split(Environment.NewLine);
        Assert.True(lines.Length <= 60, "the README's query printed " + lines.Length + " lines:" + Environment.NewLine + run.Out);
        Assert.StartsWith("library: ", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("POWER ", lines[5], StringComparison.Ordinal);
        string designationNote = "Metropolitan Police Authority, report 9b of 25 Apr 2002";
        Assert.Equal(1, Count(run.Out, designationNote));
        Assert.DoesNotContain("[held]", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Query_ReadmesFirstExample_NamesEveryMissingFactOfStopAndSearch()
    {
        var run = CliRun.Of(ReadmeQuery);

        string line = Assert.Single(run.Out.Split(Environment.NewLine), l => l.StartsWith("stop-search-authorised-area: undetermined", StringComparison.Ordinal));
        Assert.EndsWith(" - missing facts: constableInCompany, searchPurpose", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Query_PowersNotConferred_SummarisedInOneLineWithoutTheirClauses()
    {
        var run = CliRun.Of(ReadmeQuery);

        Assert.DoesNotContain("reasonable-force-to-detain", run.Out, StringComparison.Ordinal);
        Assert.Single(run.Out.Split(Environment.NewLine), l => l.StartsWith("Not listed: ", StringComparison.Ordinal) && l.Contains(" not-designated", StringComparison.Ordinal));
    }

    [Fact]
    public void Query_Verbose_ListsEveryPowerWithItsReasonAndEveryClauseButEachNoteStillOnce()
    {
        var run = CliRun.Of([.. ReadmeQuery, "--verbose"]);

        Assert.Contains("reasonable-force-to-detain: not-designated", run.Out, StringComparison.Ordinal);
        Assert.Contains("  Not conferred by designation 'met-2002-security'", run.Out, StringComparison.Ordinal);
        Assert.Contains("  [held]    uniform: ", run.Out, StringComparison.Ordinal);
        Assert.Equal(1, Count(run.Out, "Metropolitan Police Authority, report 9b of 25 Apr 2002"));
        Assert.DoesNotContain("Not listed: ", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Query_DeniedPower_ShowsTheClauseThatFailed()
    {
        var run = CliRun.Of("query", "--date", "2013-03-01", "--designation", "met-2002-security", "--fact", "inUniform=false");

        Assert.Contains("entry-to-save-life: denied", run.Out, StringComparison.Ordinal);
        Assert.Contains("  [FAILED]  uniform: ", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("[held]", run.Out, StringComparison.Ordinal);
    }

    private static int Count(string text, string part)
    {
        int count = 0;
        for (int at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
