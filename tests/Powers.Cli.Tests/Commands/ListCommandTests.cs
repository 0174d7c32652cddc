namespace Powers.Cli.Tests.Commands;

public class ListCommandTests
{
    [Fact]
    public void List_ShowsVersionsWithDatesAndChanges()
    {
        var run = CliRun.Of("list");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("pra2002-sch4@bill-2002-04-25  (never in force", run.Out, StringComparison.Ordinal);
        Assert.Contains("pra2002-sch4@2012-07-10  (2012-07-10 to 2017-12-14", run.Out, StringComparison.Ordinal);
        Assert.Contains("changed: ", run.Out, StringComparison.Ordinal);
        Assert.Contains("met-2002-security", run.Out, StringComparison.Ordinal);
        Assert.Contains("terrorismAuthorisation", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void List_ForceListsOfMostForces_PrintedAsTheirComplement()
    {
        var run = CliRun.Of("list");
        Assert.DoesNotContain("only avon-and-somerset, bedfordshire", run.Out, StringComparison.Ordinal);
        Assert.Contains("every force but british-transport-police", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_IntroducesItselfAsPowers()
    {
        var run = CliRun.Of("--help");
        Assert.Contains("Usage:" + Environment.NewLine + "  powers [command] [options]", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("Powers.Cli", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Bare_PrintsTheCommands()
    {
        var run = CliRun.Of();
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(string.Empty, run.Error);
        Assert.Contains("Commands:", run.Out, StringComparison.Ordinal);
        Assert.Contains("query", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_ListsCommands()
    {
        var run = CliRun.Of("--help");
        Assert.Equal(0, run.ExitCode);
        foreach (string command in new[] { "query", "check", "test", "list" })
        {
            Assert.Contains(command, run.Out, StringComparison.Ordinal);
        }
    }
}
