using System.CommandLine;
using System.Reflection;
using Powers.Diagnostics;

namespace Powers.Cli.Commands;

/// <summary><c>powers check [DIR]</c>: compile every rule file and print every diagnostic.</summary>
internal static class CheckCommand
{
    public static Command Create(CliConsole console)
    {
        var directory = new Argument<string?>("DIR") { Description = "The rule library directory (default: the library embedded in the package).", Arity = ArgumentArity.ZeroOrOne };
        var format = CommonOptions.Format("text", "text", "json", "sarif");
        var minimum = new Option<string>("--severity") { Description = "The least severity shown: info, warning or error.", DefaultValueFactory = _ => "info" };
        minimum.AcceptOnlyFromAmong("info", "warning", "error");
        var output = new Option<string?>("--output", "-o") { Description = "Write to this file instead of standard output.", HelpName = "FILE" };
        var command = new Command("check", "Compile the rule files and print diagnostics (MSBuild-style text, JSON or SARIF 2.1.0). Exit code 0 when there are no errors, 1 otherwise.")
        {
            directory, format, minimum, output,
        };
        command.SetAction(parse =>
        {
            string? dir = parse.GetValue(directory);
            var result = LibraryLoader.Compile(dir);
            var least = parse.GetValue(minimum) switch { "error" => DiagnosticSeverity.Error, "warning" => DiagnosticSeverity.Warning, _ => DiagnosticSeverity.Info };
            var shown = result.Diagnostics.Where(d => d.Severity >= least).ToList();
            string? outputPath = parse.GetValue(output);
            using var file = outputPath is null ? null : new StreamWriter(outputPath);
            var w = (TextWriter?)file ?? console.Out;
            switch (parse.GetValue(format))
            {
                case "json":
                    DiagnosticJsonFormatter.Write(w, shown);
                    break;
                case "sarif":
                    SarifFormatter.Write(w, shown, Version(), Directory.GetCurrentDirectory());
                    break;
                default:
                    foreach (var d in shown)
                    {
                        w.WriteLine(MsBuildFormatter.Format(d));
                    }

                    int errors = result.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);
                    int warnings = result.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Warning);
                    int infos = result.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Info);
                    w.WriteLine(errors + " error(s), " + warnings + " warning(s), " + infos + " info");
                    break;
            }

            return result.Success ? ExitCodes.Success : ExitCodes.Failure;
        });
        return command;
    }

    internal static string Version() =>
        typeof(CheckCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";
}
