namespace Powers.Cli.Tests.Terminal;

/// <summary>
/// Issue 24: every run at a terminal wrote ESC[?1h ESC= (System.Console setting the terminal up), into files and
/// pipes too. The tool writes no colour or cursor codes, so none may appear anywhere.
/// </summary>
public sealed class EscapeCodeTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("powers-tty").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [TerminalFact]
    public void List_AtATerminal_WritesNoEscapeCode()
    {
        string shown = PseudoTerminal.Run("cd '" + _directory + "' && " + PseudoTerminal.Powers + " list");

        Assert.Contains("RULE SETS", shown, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', shown);
    }

    [TerminalFact]
    public void Check_OutputToAFileFromATerminal_WritesNoEscapeCodeToTheFileOrTheTerminal()
    {
        string file = Path.Combine(_directory, "out.txt");
        string shown = PseudoTerminal.Run("cd '" + _directory + "' && " + PseudoTerminal.Powers + " check > '" + file + "' && " + PseudoTerminal.Powers + " chek");

        Assert.StartsWith("library: embedded (sha256 ", File.ReadAllText(file), StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', File.ReadAllText(file));
        Assert.Contains("powers: unknown command 'chek'; did you mean 'check'?", shown, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', shown);
    }

    [TerminalFact]
    public void Commands_OneAfterAnotherIntoOneFile_EachAppendsAfterTheLast()
    {
        string file = Path.Combine(_directory, "both.txt");
        PseudoTerminal.Run("cd '" + _directory + "' && { " + PseudoTerminal.Powers + " check; " + PseudoTerminal.Powers + " test; } > '" + file + "' 2>&1");

        string[] lines = File.ReadAllLines(file);
        Assert.StartsWith("library: ", lines[0], StringComparison.Ordinal);
        Assert.Matches(@"^\d+ error\(s\)", lines[1]);
        Assert.StartsWith("library: ", lines[2], StringComparison.Ordinal);
        Assert.Matches(@"^\d+ passed, 0 failed$", lines[^1]);
    }
}
