using Microsoft.Extensions.DependencyInjection;
using Powers.Hosting;

namespace Powers.Cli.Tests;

/// <summary>
/// Issue 24, a false green: a command without a folder used the embedded library even inside a broken rules folder,
/// and never said which library it used. Now it takes the library of the current directory and names it first.
/// </summary>
public sealed class LibraryChoiceTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("powers-choice").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Check_InsideABrokenCopyWithoutAFolder_FailsNamingTheCopy()
    {
        using var copy = new TempLibrary();
        Misspell(copy);

        var (code, output, _) = PowersProcess.Run(copy.Root, string.Empty, "check");

        Assert.Equal(1, code);
        Assert.Equal("library: " + copy.Root + " (the current directory)", Lines(output)[0]);
        Assert.Contains("./pra2002/2012-07-10.json(", output, StringComparison.Ordinal);
        Assert.Contains("error PWR0201: Unknown fact 'constablePresnt'; did you mean 'constableInCompany'?", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("test")]
    [InlineData("verify")]
    [InlineData("list")]
    public void Command_InAFolderWhoseRulesAreBroken_UsesThemAndFails(string command)
    {
        string rules = Path.Combine(_directory, "rules");
        using var copy = new TempLibrary();
        Misspell(copy);
        Directory.Move(copy.Root, rules);
        Directory.CreateDirectory(copy.Root);

        var (code, output, error) = PowersProcess.Run(_directory, string.Empty, command);

        Assert.NotEqual(0, code);
        Assert.Equal("library: " + rules + " (./rules of the current directory)", Lines(output)[0]);
        Assert.Contains("rules/pra2002/2012-07-10.json(", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_FolderWithNoLibrary_UsesTheEmbeddedOneNamedByTheHashAHostLogs()
    {
        var (code, output, _) = PowersProcess.Run(_directory, string.Empty, "check");

        Assert.Equal(0, code);
        Assert.Equal("library: embedded (sha256 " + HostedEmbeddedSha256() + ")", Lines(output)[0]);
    }

    [Fact]
    public void Check_JsonFormat_NamesTheLibraryOnStandardErrorAndWritesOnlyJsonToStandardOutput()
    {
        var run = CliRun.Of("check", CliRun.RulesDirectory, "--format", "json");

        Assert.Equal("library: " + CliRun.RulesDirectory, Lines(run.Error)[0]);
        Assert.StartsWith("[", run.Out.TrimStart(), StringComparison.Ordinal);
    }

    [Fact]
    public void Query_JsonFormat_NamesTheLibraryOnStandardError()
    {
        var run = CliRun.Of("query", "--date", "2013-03-01", "--designation", "met-2002-security", "--format", "outcomes");

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("library: embedded (sha256 ", run.Error, StringComparison.Ordinal);
        Assert.StartsWith("{", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Query_Text_NamesTheLibraryOnItsFirstLine()
    {
        var run = CliRun.Of("query", "--date", "2013-03-01", "--designation", "met-2002-security", "--rules", CliRun.RulesDirectory);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("library: " + CliRun.RulesDirectory, Lines(run.Out)[0]);
    }

    private static void Misspell(TempLibrary copy)
    {
        string path = copy.PathOf("pra2002/2012-07-10.json");
        string text = File.ReadAllText(path);
        int at = text.IndexOf("\"constableInCompany\"", StringComparison.Ordinal);
        Assert.True(at >= 0, "the 2012 version no longer names constableInCompany in a when");
        File.WriteAllText(path, text.Remove(at, "\"constableInCompany\"".Length).Insert(at, "\"constablePresnt\""));
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.TrimEntries);

    private static string HostedEmbeddedSha256()
    {
        var services = new ServiceCollection();
        services.AddPowers();
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IPowersService>().Current.Sha256;
    }
}
