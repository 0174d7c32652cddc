namespace Powers.Cli.Tests;

/// <summary>The real program in its own process: exit codes and streams as a shell sees them.</summary>
public class EndToEndTests
{
    private static (int Code, string Out, string Error) Run(string stdin, params string[] args) => RunAs([], stdin, args);

    private static (int Code, string Out, string Error) RunAs(string[] prefix, string stdin, params string[] args) =>
        PowersProcess.RunAs(prefix, AppContext.BaseDirectory, stdin, args);

    [Fact]
    public void Process_QueryEmbeddedLibrary_ExitsZero()
    {
        var (code, output, _) = Run(string.Empty, "query", "--date", "2013-03-01", "--designation", "met-2002-security", "--fact", "inUniform=true", "--format", "outcomes");
        Assert.Equal(0, code);
        Assert.Contains("\"stop-search-authorised-area\"", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Process_UnknownFact_ExitsTwoOnStderr()
    {
        var (code, output, error) = Run("""{"date":"2013-03-01","designation":"met-2002-security","facts":{"inUnifrom":true}}""", "query", "--input", "-");
        Assert.Equal(2, code);
        Assert.Equal(string.Empty, output);
        Assert.Contains("facts.inUnifrom: unknown fact 'inUnifrom'; did you mean 'inUniform'?", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Process_StdinMalformedFirstLineBlankLineAndBom_OneResultLinePerInputLine()
    {
        string good = """{"date":"2013-03-01","designation":"met-2002-security"}""";
        var (code, output, _) = Run("\uFEFF{\"date\":\n" + good + "\n\n" + good + "\n", "query", "--input", "-", "--format", "json");

        Assert.Equal(2, code);
        Assert.Equal(["line 1", "2013-03-01", "line 3", "2013-03-01"], Commands.QueryStdinTests.Results(output));
    }

    [Fact]
    public void Process_StdinDocumentWithBom_Decided()
    {
        var (code, output, error) = Run("\uFEFF{\n\"date\":\"2013-03-01\",\n\"designation\":\"met-2002-security\"\n}\n", "query", "--input", "-", "--format", "outcomes");

        Assert.Matches("^library: embedded \\(sha256 [0-9a-f]{64}\\)\n$", error);
        Assert.Equal(0, code);
        Assert.Contains("\"stop-search-authorised-area\"", output, StringComparison.Ordinal);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void Process_CheckWithAnUnreadableFolder_ReportsItAsAnError()
    {
        // chmod 000 does not stop root; without the capabilities that bypass file permissions, it does.
        using var library = new TempLibrary();
        string folder = library.PathOf("pra2002");
        File.SetUnixFileMode(folder, UnixFileMode.None);
        try
        {
            var (code, output, _) = RunAs(["setpriv", "--bounding-set=-dac_override,-dac_read_search"], string.Empty, "check", library.Root);

            Assert.Equal(1, code);
            Assert.Equal("PWR0017", System.Text.RegularExpressions.Regex.Match(output, @"/pra2002\(1,1\): error (PWR\d+)").Groups[1].Value);
            string path = library.Root.Replace('\\', '/') + "/pra2002";
            Assert.Contains(path + "(1,1): error PWR0017: Cannot read the folder: Access to the path '" + folder + "' is denied; the rule files in it would be missing", output, StringComparison.Ordinal);
        }
        finally
        {
            File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    [Fact]
    public void Process_Test_PrintsCountLine()
    {
        var (code, output, _) = Run(string.Empty, "test");
        Assert.Equal(0, code);
        Assert.Matches(@"\d+ passed, 0 failed\s*$", output);
    }
}
