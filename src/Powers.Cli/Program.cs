namespace Powers.Cli;

// An explicit Main rather than top-level statements: with ASP.NET Core referenced (powers workbench), its source
// generator would make a top-level Program public, and the tool has no public API.
internal static class Program
{
    private static int Main(string[] args) => PowersCli.Run(args, CliConsole.System());
}
