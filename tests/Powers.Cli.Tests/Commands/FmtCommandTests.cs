namespace Powers.Cli.Tests.Commands;

/// <summary><c>powers fmt [DIR] [--check]</c> (issue 24, item 9).</summary>
public sealed class FmtCommandTests
{
    private const string Designation = "designations/met-2002-security.json";

    [Fact]
    public void Fmt_Check_ListsTheFileThatWouldChangeAndChangesNothing()
    {
        using var library = new TempLibrary();
        string compact = Compact(library);

        var run = CliRun.Of("fmt", library.Root, "--check");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(library.Root + "/" + Designation + ": would be reformatted\n" + "1 of " + JsonFiles(library) + " files would be reformatted\n", run.Body);
        Assert.Equal(compact, File.ReadAllText(library.PathOf(Designation)));
    }

    [Fact]
    public void Fmt_CompactFile_RewrittenToTheLayoutThenCheckPasses()
    {
        using var library = new TempLibrary();
        string original = File.ReadAllText(library.PathOf(Designation));
        Compact(library);

        var run = CliRun.Of("fmt", library.Root);
        var check = CliRun.Of("fmt", library.Root, "--check");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(library.Root + "/" + Designation + ": formatted\n" + "1 of " + JsonFiles(library) + " files formatted\n", run.Body);
        Assert.Equal(original, File.ReadAllText(library.PathOf(Designation)));
        Assert.Equal((0, "0 of " + JsonFiles(library) + " files would be reformatted\n"), (check.ExitCode, check.Body));
    }

    [Fact]
    public void Fmt_FileThatDoesNotParse_ReportedAndLeftAlone()
    {
        using var library = new TempLibrary();
        string broken = "{ \"designation\": \"met-2002-security\",, }";
        File.WriteAllText(library.PathOf(Designation), broken);

        var run = CliRun.Of("fmt", library.Root);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(broken, File.ReadAllText(library.PathOf(Designation)));
        Assert.Contains(library.Root + "/" + Designation + "(1,38): error PWR", run.Error, StringComparison.Ordinal);
        Assert.EndsWith(library.Root + "/" + Designation + ": does not parse; left alone\n", run.Error, StringComparison.Ordinal);
        Assert.EndsWith("0 of " + JsonFiles(library) + " files formatted, 1 left alone (they do not parse)\n", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Fmt_NoSuchFolder_BadInput()
    {
        var run = CliRun.Of("fmt", "/no/such/rules", "--check");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("powers: bad input: the rules folder '/no/such/rules' does not exist\n", run.Error);
    }

    [Fact]
    public void Fmt_ShippedRules_AlreadyInTheLayout()
    {
        var run = CliRun.Of("fmt", CliRun.RulesDirectory, "--check");

        Assert.Equal(0, run.ExitCode);
    }

    /// <summary>Writes the designation file on one line; returns that text.</summary>
    private static string Compact(TempLibrary library)
    {
        // JSON strings hold no raw line break, so removing every line break and the indent after it keeps every value.
        string compact = System.Text.RegularExpressions.Regex.Replace(File.ReadAllText(library.PathOf(Designation)), @"\n\s*", string.Empty) + "\n";
        File.WriteAllText(library.PathOf(Designation), compact);
        return compact;
    }

    private static int JsonFiles(TempLibrary library) => Directory.GetFiles(library.Root, "*.json", SearchOption.AllDirectories).Length;
}
