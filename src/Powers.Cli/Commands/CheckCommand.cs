using System.CommandLine;
using System.Reflection;
using Powers.Compilation;
using Powers.Diagnostics;

namespace Powers.Cli.Commands;

/// <summary><c>powers check [DIR]</c>: compile every rule file and print every diagnostic.</summary>
internal static class CheckCommand
{
    public static Command Create(CliConsole console)
    {
        var directory = CommonOptions.Directory();
        var rules = CommonOptions.Rules();
        var format = CommonOptions.Format("text", "text", "json", "sarif");
        var minimum = new Option<string>("--severity") { Description = "The least severity shown: info (every low-confidence reading, for legal review), warning (default) or error.", DefaultValueFactory = _ => "warning" };
        minimum.AcceptOnlyFromAmong("info", "warning", "error");
        var output = new Option<string?>("--output", "-o") { Description = "Write to this file instead of standard output.", HelpName = "FILE" };
        var trusted = new Option<string[]>("--trusted-key") { Description = "A PEM public key trusted to sign the library (repeatable): the library must carry the manifest and signature 'powers sign' writes, by one of these keys, and match it file for file, before anything is compiled.", HelpName = "PUB.pem", AllowMultipleArgumentsPerToken = false };
        var command = new Command("check", "Compile the rule files and print diagnostics (MSBuild-style text, JSON or SARIF 2.1.0). With --trusted-key, first verify the library's signature. Exit code 0 when there are no errors, 1 otherwise (a file added, removed or changed after signing, or a bad, missing or untrusted signature, is an error naming the file).")
        {
            directory, rules, format, minimum, output, trusted,
        };
        command.SetAction(parse =>
        {
            if (!CommonOptions.TryGetDirectory(parse, directory, rules, console, out string? dir))
            {
                return ExitCodes.BadInput;
            }

            var choice = LibraryLoader.Choose(dir);
            if (!LibraryLoader.Exists(choice, console))
            {
                return ExitCodes.BadInput;
            }

            string[] keyFiles = parse.GetValue(trusted) ?? [];
            CompilationResult result;
            if (keyFiles.Length == 0)
            {
                result = LibraryLoader.Compile(choice);
            }
            else if (choice.Directory is not { } signed)
            {
                console.Error.WriteLine("powers: bad input: --trusted-key: the embedded library carries no signature; give the library directory to verify");
                return ExitCodes.BadInput;
            }
            else if (TrustedKeys(keyFiles, console) is not { } keys)
            {
                return ExitCodes.BadInput;
            }
            else
            {
                // Read once into memory: what is verified is exactly what is compiled.
                var files = LibraryFileSnapshot.Read(LibraryFiles.FromDirectory(signed));
                var refused = LibrarySignature.Verify(signed, files, keys, out _);
                result = refused.Count > 0 ? new CompilationResult(refused, null) : LibraryCompiler.Compile(files);
            }

            var least = parse.GetValue(minimum) switch { "error" => DiagnosticSeverity.Error, "warning" => DiagnosticSeverity.Warning, _ => DiagnosticSeverity.Info };
            // Errors first, then warnings, then infos; each in file order.
            var shown = result.Diagnostics.Where(d => d.Severity >= least).OrderByDescending(d => d.Severity).ToList();
            string? outputPath = parse.GetValue(output);
            using var file = outputPath is null ? null : new StreamWriter(outputPath);
            var w = (TextWriter?)file ?? console.Out;
            string chosenFormat = parse.GetValue(format)!;
            (chosenFormat == "text" ? w : console.Error).WriteLine(choice.Line);
            switch (chosenFormat)
            {
                case "json":
                    DiagnosticJsonFormatter.Write(w, shown);
                    break;
                case "sarif":
                    SarifFormatter.Write(w, shown, Version(), SourceRoot(choice.Directory));
                    break;
                default:
                    foreach (var d in shown)
                    {
                        w.WriteLine(MsBuildFormatter.Format(d));
                    }

                    int errors = result.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);
                    int warnings = result.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Warning);
                    int infos = result.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Info);
                    string hidden = least > DiagnosticSeverity.Info && infos > 0 ? " (shown with --severity info)" : string.Empty;
                    w.WriteLine(errors + " error(s), " + warnings + " warning(s), " + infos + " info" + hidden);
                    break;
            }

            return result.Success ? ExitCodes.Success : ExitCodes.Failure;
        });
        return command;
    }

    internal static List<TrustedKey>? TrustedKeys(string[] paths, CliConsole console)
    {
        var keys = new List<TrustedKey>();
        foreach (string path in paths)
        {
            try
            {
                keys.Add(TrustedKey.FromPemFile(path));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
            {
                console.Error.WriteLine("powers: bad input: --trusted-key: " + Text.ControlCharacters.Escape(e is ArgumentException ? e.Message.Split(" (Parameter", 2)[0] : "cannot read '" + path + "': " + e.Message));
                return null;
            }
        }

        return keys;
    }

    /// <summary>
    /// What SARIF paths are relative to (<c>%SRCROOT%</c>), so that code scanning matches them to the repository's
    /// files and no machine path is written: the nearest folder with <c>.git</c> at or above the library; else the
    /// current directory when the library is in it; else the folder that holds the library.
    /// </summary>
    internal static string SourceRoot(string? libraryDirectory)
    {
        string here = Environment.CurrentDirectory;
        string library = libraryDirectory is null ? here : Path.GetFullPath(libraryDirectory);
        for (var folder = new DirectoryInfo(library); folder is not null; folder = folder.Parent)
        {
            string git = Path.Combine(folder.FullName, ".git");
            if (Directory.Exists(git) || File.Exists(git))
            {
                return folder.FullName;
            }
        }

        bool inHere = library == here || library.StartsWith(Path.TrimEndingDirectorySeparator(here) + Path.DirectorySeparatorChar, StringComparison.Ordinal);
        return inHere ? here : Path.GetDirectoryName(library) ?? library;
    }

    internal static string Version() =>
        typeof(CheckCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";
}
