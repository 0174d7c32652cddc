namespace Powers.Cli.Tests.Terminal;

/// <summary>A test that runs powers at a pseudo-terminal through util-linux <c>script</c>: skipped, saying so, where there is none.</summary>
public sealed class TerminalFactAttribute : FactAttribute
{
    public TerminalFactAttribute()
    {
        if (OperatingSystem.IsWindows() || PseudoTerminal.Script is null)
        {
            Skip = "needs util-linux 'script' (a pseudo-terminal) on Unix; Debian's bsdutils package has it";
        }
    }
}
