namespace Powers.Cli.Tests.Commands;

public class TestCommandTests
{
    [Fact]
    public void Test_ShippedCases_AllPassAndEndWithCounts()
    {
        var run = CliRun.Of("test", CliRun.RulesDirectory);
        Assert.Equal(0, run.ExitCode);
        string last = run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1].Trim();
        Assert.Matches(@"^\d+ passed, 0 failed$", last);
    }

    [Fact]
    public void Test_WrongExpectation_FailsWithLocationAndReason()
    {
        using var library = new TempLibrary();
        string content = """
            { "cases": [ { "name": "deliberately wrong", "cite": "Police Reform Act 2002, Sch. 4",
              "query": { "date": "2001-06-01", "designation": "met-2002-security" },
              "expect": { "cordon": "permitted" } } ] }
            """;
        File.WriteAllText(library.PathOf("cases/zz-wrong.json"), content);
        int column = content.IndexOf("\"deliberately", StringComparison.Ordinal) + 1;
        var run = CliRun.Of("test", library.Root);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("cases/zz-wrong.json(1," + column + "): FAIL deliberately wrong", run.Out, StringComparison.Ordinal);
        Assert.Contains("cordon: expected permitted, got not-in-force", run.Out, StringComparison.Ordinal);
        Assert.Matches(@"\d+ passed, 1 failed", run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1]);
    }

    [Fact]
    public void Test_LibraryThatDoesNotCompile_ReportsItsDiagnosticsAndExitsTwo()
    {
        // Issue 24: it said '0 passed, 1 failed', as if a case had failed.
        using var library = new TempLibrary();
        File.WriteAllText(library.PathOf("facts.json"), "{");
        var run = CliRun.Of("test", library.Root);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("library: " + library.Root + Environment.NewLine, run.Out);
        Assert.StartsWith("powers: the rule library " + library.Root + " does not compile:" + Environment.NewLine, run.Error, StringComparison.Ordinal);
        Assert.Contains(library.Root + "/facts.json(1,2): error PWR0005: ", run.Error, StringComparison.Ordinal);
    }
}
