using System.Diagnostics;

namespace Powers.Cli.Tests.Terminal;

/// <summary>Runs a shell command line under util-linux <c>script</c>, so that its standard input and output are a terminal.</summary>
public static class PseudoTerminal
{
    public static string? Script { get; } = new[] { "/usr/bin/script", "/bin/script" }.FirstOrDefault(File.Exists);

    /// <summary>What the terminal showed while <paramref name="shellCommand"/> ran (its output where not redirected).</summary>
    public static string Run(string shellCommand)
    {
        var info = new ProcessStartInfo(Script!) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string a in (string[])["-q", "-e", "-c", shellCommand, "/dev/null"])
        {
            info.ArgumentList.Add(a);
        }

        return PowersProcess.Wait(info, string.Empty).Out;
    }

    /// <summary>The tool as a shell word list: <c>'dotnet' '/path/Powers.Cli.dll'</c>.</summary>
    public static string Powers => "'dotnet' '" + PowersProcess.Dll + "'";
}
