using System.Reflection;

namespace Powers.Cli.Tests;

/// <summary>Runs the powers command in-process with captured streams.</summary>
public sealed record CliRun(int ExitCode, string Out, string Error)
{
    /// <summary>
    /// A <c>--time-limit</c> for analyses of the shipped library that only their step and case limits bound (over 10^6
    /// seconds is no limit): the default 30 s is wall time, which a loaded machine outruns.
    /// </summary>
    public const string NoTimeLimit = "1000000";

    public static string RulesDirectory { get; } = Path.GetFullPath(
        typeof(CliRun).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RulesDirectory").Value!);

    public static CliRun WithInput(string stdin, params string[] args) =>
        Capture(console => PowersCli.Run(args, console), stdin);

    /// <summary>Runs one command's code (a command class called directly) with captured streams.</summary>
    internal static CliRun Capture(Func<CliConsole, int> act, string stdin = "")
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = act(new CliConsole(output, error, new StringReader(stdin), ErrorIsTerminal: false));
        return new CliRun(code, output.ToString(), error.ToString());
    }

    public static CliRun Of(params string[] args) => WithInput(string.Empty, args);

    /// <summary>Standard output after the line naming the library, which text output starts with.</summary>
    public string Body => AfterLibrary(Out);

    /// <summary>Standard error after the line naming the library, which it starts with when the output is for a program.</summary>
    public string Problems => AfterLibrary(Error);

    private static string AfterLibrary(string text) =>
        text.StartsWith("library: ", StringComparison.Ordinal) ? text[(text.IndexOf('\n', StringComparison.Ordinal) + 1)..] : text;
}
