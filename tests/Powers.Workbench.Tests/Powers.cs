using Powers.Cli;

namespace Powers.Workbench.Tests;

/// <summary>Runs the powers command in-process, as a user would run it, to compare the page with.</summary>
internal static class Powers
{
    public static (int Code, string Out, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = PowersCli.Run(args, new CliConsole(output, error, new StringReader(string.Empty), ErrorIsTerminal: false));
        return (code, output.ToString(), error.ToString());
    }

    /// <summary><c>powers query ... --format outcomes</c>: each power's outcome.</summary>
    public static IReadOnlyDictionary<string, string> Outcomes(params string[] args)
    {
        var (code, output, error) = Run([.. args, "--format", "outcomes"]);
        Assert.True(code == 0, error);
        using var document = System.Text.Json.JsonDocument.Parse(output);
        return document.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.Ordinal);
    }
}
