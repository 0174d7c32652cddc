using Newtonsoft.Json.Linq;

namespace Powers.Cli.Tests.Commands;

public class CheckCommandTests
{
    private static (string Path, int Line, int Column) Misspell(TempLibrary library)
    {
        string path = library.PathOf("pra2002/2012-07-10.json");
        string text = File.ReadAllText(path);
        const string Token = "constableInCompany";
        int index = text.IndexOf(Token, StringComparison.Ordinal);
        Assert.True(index > 0, "the 2012 version mentions constableInCompany");
        File.WriteAllText(path, text[..index] + "constablePresnt" + text[(index + Token.Length)..]);
        int line = text[..index].Count(c => c == '\n') + 1;
        int column = index - (text.LastIndexOf('\n', index - 1) + 1) + 1;
        return (path, line, column);
    }

    [Fact]
    public void Check_ShippedRules_NoErrors()
    {
        var run = CliRun.Of("check", CliRun.RulesDirectory, "--severity", "info");
        Assert.Equal(0, run.ExitCode);
        Assert.Matches(@"^0 error\(s\), \d+ warning\(s\), \d+ info$", run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1].Trim());
        Assert.Contains("info PWR0403: Low confidence:", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_Default_HidesInfosAndSaysHowToSeeThem()
    {
        var run = CliRun.Of("check", CliRun.RulesDirectory);
        Assert.Equal(0, run.ExitCode);
        Assert.DoesNotContain("info PWR0403", run.Out, StringComparison.Ordinal);
        Assert.Matches(@"^0 error\(s\), \d+ warning\(s\), [1-9]\d* info \(shown with --severity info\)$", run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1].Trim());
    }

    [Fact]
    public void Check_RulesOption_WorksLikeTheArgument()
    {
        var run = CliRun.Of("check", "--rules", CliRun.RulesDirectory);
        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("0 error(s)", run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void Check_MissingFolder_SaysSoAndExitsTwo()
    {
        var run = CliRun.Of("check", "--rules", "/no/such/rules");
        Assert.Equal(2, run.ExitCode);
        Assert.Equal("powers: bad input: the rules folder '/no/such/rules' does not exist" + Environment.NewLine, run.Error);
    }

    [Fact]
    public void Check_ErrorsAndWarnings_ErrorsFirst()
    {
        using var library = new TempLibrary();
        Misspell(library);
        File.WriteAllText(Path.Combine(library.Root, "stray.txt.json"), "{}");
        var run = CliRun.Of("check", library.Root);
        var lines = run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        int firstWarning = Array.FindIndex(lines, l => l.Contains(": warning PWR", StringComparison.Ordinal));
        int lastError = Array.FindLastIndex(lines, l => l.Contains(": error PWR", StringComparison.Ordinal));
        Assert.True(firstWarning > 0 && lastError >= 0 && lastError < firstWarning, run.Out);
    }

    [Fact]
    public void Check_Embedded_NoErrors()
    {
        Assert.Equal(0, CliRun.Of("check").ExitCode);
    }

    [Fact]
    public void Check_MisspelledFact_TextPointsAtTokenWithSuggestion()
    {
        using var library = new TempLibrary();
        var (_, line, column) = Misspell(library);
        var run = CliRun.Of("check", library.Root, "--severity", "error");
        Assert.Equal(1, run.ExitCode);
        string expected = library.Root.Replace('\\', '/') + "/pra2002/2012-07-10.json(" + line + "," + column + "): error PWR0201: Unknown fact 'constablePresnt'; did you mean 'constableInCompany'?";
        Assert.Contains(expected, run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_MisspelledFact_SarifHasRegionAndRule()
    {
        using var library = new TempLibrary();
        var (_, line, column) = Misspell(library);
        var run = CliRun.Of("check", library.Root, "--format", "sarif", "--severity", "error");
        Assert.Equal(1, run.ExitCode);
        var log = JObject.Parse(run.Out);
        Assert.Equal("2.1.0", (string?)log["version"]);
        var result = log["runs"]![0]!["results"]!.Single(r => (string?)r["ruleId"] == "PWR0201");
        Assert.Equal("error", (string?)result["level"]);
        Assert.Equal("Unknown fact 'constablePresnt'; did you mean 'constableInCompany'?", (string?)result["message"]!["text"]);
        var physical = result["locations"]![0]!["physicalLocation"]!;
        // Outside any repository and the current directory: relative to the folder that holds the library, never a machine path.
        Assert.Equal(Path.GetFileName(library.Root) + "/pra2002/2012-07-10.json", (string?)physical["artifactLocation"]!["uri"]);
        Assert.DoesNotContain(library.Root, run.Out, StringComparison.Ordinal);
        var region = physical["region"]!;
        Assert.Equal(line, (int)region["startLine"]!);
        Assert.Equal(column, (int)region["startColumn"]!);
        Assert.Equal(column + "constablePresnt".Length, (int)region["endColumn"]!);
        var rules = log["runs"]![0]!["tool"]!["driver"]!["rules"]!;
        Assert.Equal("PWR0201", (string?)rules[(int)result["ruleIndex"]!]!["id"]);
    }

    [Fact]
    public void Check_RelativeDirectory_SarifUsesSourceRoot()
    {
        var run = CliRun.Of("check", Path.GetRelativePath(Directory.GetCurrentDirectory(), CliRun.RulesDirectory), "--format", "sarif", "--severity", "info");
        Assert.Equal(0, run.ExitCode);
        var log = JObject.Parse(run.Out);
        // A result placed in a file (it has a column); library-wide ones (a power no version confers) sit at the root.
        var located = log["runs"]![0]!["results"]!.First(r => r["locations"]?[0]?["physicalLocation"]?["region"]?["startColumn"] is not null);
        var artifact = located["locations"]![0]!["physicalLocation"]!["artifactLocation"]!;
        Assert.Equal("%SRCROOT%", (string?)artifact["uriBaseId"]);
        Assert.EndsWith(".json", (string?)artifact["uri"], StringComparison.Ordinal);
        // The repository's root: the library's path from it, whatever the current directory (issue 24: it was './...').
        Assert.StartsWith("rules/", (string?)artifact["uri"], StringComparison.Ordinal);
        Assert.NotNull(log["runs"]![0]!["originalUriBaseIds"]!["%SRCROOT%"]);
        Assert.DoesNotContain("file:", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_Json_ListsDiagnostics()
    {
        using var library = new TempLibrary();
        var (_, line, column) = Misspell(library);
        var run = CliRun.Of("check", library.Root, "--format", "json", "--severity", "error");
        var item = JArray.Parse(run.Out).Single();
        Assert.Equal("PWR0201", (string?)item["id"]);
        Assert.Equal(line, (int)item["line"]!);
        Assert.Equal(column, (int)item["column"]!);
    }

    [Theory]
    [InlineData("{ \"ruleset\": \"pra2002-sch4\", ", "PWR0005")]
    [InlineData("{ \"a\": 1, \"a\": 2 }", "PWR0006")]
    [InlineData("[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]", "PWR0010")]
    public void Check_HostileFile_ReportsDiagnosticNotCrash(string content, string id)
    {
        using var library = new TempLibrary();
        File.WriteAllText(library.PathOf("pra2002/zz-hostile.json"), content);
        var run = CliRun.Of("check", library.Root);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("pra2002/zz-hostile.json(", run.Out, StringComparison.Ordinal);
        Assert.Contains(" " + id + ": ", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_InvalidUtf8AndHugeFile_ReportDiagnostics()
    {
        using var library = new TempLibrary();
        File.WriteAllBytes(library.PathOf("designations/bad-utf8.json"), [(byte)'{', 0xFF, (byte)'}']);
        using (var stream = File.Create(library.PathOf("cases/huge.json")))
        {
            stream.SetLength(50L * 1024 * 1024);
        }

        var run = CliRun.Of("check", library.Root);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("designations/bad-utf8.json(1,2): error PWR0002: The file is not valid UTF-8 (byte 0xFF at byte offset 1)", run.Out, StringComparison.Ordinal);
        Assert.Contains("cases/huge.json(1,1): error PWR0003: The file is 52,428,800 bytes", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_NameWithALineBreak_EscapedSoNoLineIsForged()
    {
        using var library = new TempLibrary();
        string path = library.PathOf("designations/met-2002-security.json");
        File.WriteAllText(path, File.ReadAllText(path).Replace("\"powers\": [", "\"powers\": [\"x\\nrules/a.json(1,1): error PWR0000: forged\\u001b[2K\",", StringComparison.Ordinal));

        var run = CliRun.Of("check", library.Root);

        Assert.Equal(1, run.ExitCode);
        Assert.DoesNotContain(run.Out.Split('\n'), line => line.StartsWith("rules/a.json", StringComparison.Ordinal));
        Assert.Contains("x\\nrules/a.json(1,1): error PWR0000: forged\\u001B[2K", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', run.Out);
    }

    [Fact]
    public void Check_MissingDirectoryArgument_SaysSoAndExitsTwo()
    {
        var run = CliRun.Of("check", "/nonexistent/powers-rules");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("the rules folder '/nonexistent/powers-rules' does not exist", run.Error, StringComparison.Ordinal);
    }
}
