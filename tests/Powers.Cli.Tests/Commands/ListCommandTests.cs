namespace Powers.Cli.Tests.Commands;

public class ListCommandTests
{
    [Fact]
    public void List_ShowsVersionsWithDatesAndChanges()
    {
        var run = CliRun.Of("list");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("pra2002-sch4@bill-2002-04-25  (never in force", run.Out, StringComparison.Ordinal);
        Assert.Contains("pra2002-sch4@2012-07-10  (2012-07-10 to 2013-04-07", run.Out, StringComparison.Ordinal);
        Assert.Contains("changed: ", run.Out, StringComparison.Ordinal);
        Assert.Contains("met-2002-security", run.Out, StringComparison.Ordinal);
        Assert.Contains("terrorismAuthorisation", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void List_ForceListsOfMostForces_PrintedAsTheirComplement()
    {
        using var library = new TempLibrary();
        string path = library.PathOf("pra2002/2002-12-02.json");
        var forces = Newtonsoft.Json.Linq.JObject.Parse(File.ReadAllText(library.PathOf("forces.json")))["forces"]!.Select(f => (string)f["id"]!).Where(id => id != "british-transport-police");
        File.WriteAllText(path, File.ReadAllText(path).Replace("\"title\": \"Enter and search premises", "\"forces\": [\"" + string.Join("\", \"", forces) + "\"], \"title\": \"Enter and search premises", StringComparison.Ordinal));
        var run = CliRun.Of("list", "--rules", library.Root);
        Assert.Equal(0, run.ExitCode);
        Assert.DoesNotContain("only avon-and-somerset, bedfordshire", run.Out, StringComparison.Ordinal);
        Assert.Contains("entry-to-save-life (every force but british-transport-police)", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void List_ForceLimits_PilotAndVersionWideExclusionShown()
    {
        var run = CliRun.Of("list");
        // SI 2002/2750 art. 3: detention only in six police areas; Sch. 4 applied to BTP only from 1 Jul 2004.
        Assert.Contains("detain-pending-constable (only devon-and-cornwall, gwent, lancashire, metropolitan, northamptonshire, west-yorkshire)", run.Out, StringComparison.Ordinal);
        Assert.Contains("    not in force for: british-transport-police (", run.Out, StringComparison.Ordinal);
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
