using System.Diagnostics;

namespace Powers.Cli.Tests;

/// <summary>The real program in its own process: exit codes and streams as a shell sees them.</summary>
public class EndToEndTests
{
    private static (int Code, string Out, string Error) Run(string stdin, params string[] args)
    {
        string dll = Path.Combine(AppContext.BaseDirectory, "Powers.Cli.dll");
        var info = new ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(dll);
        foreach (string a in args)
        {
            info.ArgumentList.Add(a);
        }

        using var process = Process.Start(info)!;
        process.StandardInput.Write(stdin);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(60_000), "powers did not exit within 60 s");
        return (process.ExitCode, output.Result, error.Result);
    }

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

        Assert.Equal(string.Empty, error);
        Assert.Equal(0, code);
        Assert.Contains("\"stop-search-authorised-area\"", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Process_Test_PrintsCountLine()
    {
        var (code, output, _) = Run(string.Empty, "test");
        Assert.Equal(0, code);
        Assert.Matches(@"\d+ passed, 0 failed\s*$", output);
    }
}
