using System.CommandLine;
using System.Text;
using Powers.Diagnostics;
using Powers.Syntax.Json;
using Powers.Text;

namespace Powers.Cli.Commands;

/// <summary>
/// <c>powers fmt [DIR] [--check]</c>: puts every JSON file of a rule library in the one layout of
/// <see cref="JsonFormatter"/>. A file that does not parse is reported with its diagnostics and left alone.
/// </summary>
internal static class FmtCommand
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static Command Create(CliConsole console)
    {
        var directory = CommonOptions.Directory();
        var rules = CommonOptions.Rules();
        var check = new Option<bool>("--check") { Description = "Change nothing: list the files that are not in the layout and exit with code 1 if there are any (CI runs this)." };
        var command = new Command("fmt", "Lay out every JSON file of a rule library (schemas, cases and assertions too) in one way: two-space indent, one property or item per line, LF line breaks, property order and every string and number kept exactly. A file that does not parse is reported and never rewritten. Exit code 0 when every file is (now) in the layout, 1 with --check when a file is not, or when a file does not parse, 2 on bad input.")
        {
            directory, rules, check,
        };
        command.SetAction(parse =>
        {
            if (!CommonOptions.TryGetDirectory(parse, directory, rules, console, out string? dir))
            {
                return ExitCodes.BadInput;
            }

            var choice = LibraryLoader.Choose(dir);
            if (choice.Directory is not { } root)
            {
                console.Error.WriteLine("powers: bad input: fmt rewrites files, so it needs a rules folder: give DIR (there is no ./rules here, and the embedded library cannot be changed)");
                return ExitCodes.BadInput;
            }

            if (!LibraryLoader.Exists(choice, console))
            {
                return ExitCodes.BadInput;
            }

            console.Out.WriteLine(choice.Line);
            return Run(root, parse.GetValue(check), console);
        });
        return command;
    }

    private static int Run(string root, bool checkOnly, CliConsole console)
    {
        int changed = 0;
        int broken = 0;
        var files = Files(root);
        foreach (string path in files)
        {
            string shown = Path.Combine(root, Path.GetRelativePath(root, path)).Replace('\\', '/');
            string text;
            try
            {
                text = StrictUtf8.GetString(File.ReadAllBytes(path));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or DecoderFallbackException)
            {
                console.Error.WriteLine(ControlCharacters.Escape(shown + ": error: cannot read it as UTF-8 (" + e.Message + "); left alone"));
                broken++;
                continue;
            }

            var diagnostics = new DiagnosticBag();
            string? formatted = JsonFormatter.Format(new SourceText(shown, text), diagnostics);
            if (formatted is null)
            {
                foreach (var d in diagnostics.ToSortedList().Where(d => d.Severity == DiagnosticSeverity.Error))
                {
                    console.Error.WriteLine(MsBuildFormatter.Format(d));
                }

                console.Error.WriteLine(ControlCharacters.Escape(shown + ": does not parse; left alone"));
                broken++;
                continue;
            }

            if (string.Equals(formatted, text, StringComparison.Ordinal))
            {
                continue;
            }

            changed++;
            if (checkOnly)
            {
                console.Out.WriteLine(ControlCharacters.Escape(shown + ": would be reformatted"));
                continue;
            }

            // Written beside it, then moved over it: a crash leaves the old file or the new one, never half of one.
            string temporary = path + ".fmt-" + Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture);
            File.WriteAllBytes(temporary, StrictUtf8.GetBytes(formatted));
            File.Move(temporary, path, overwrite: true);
            console.Out.WriteLine(ControlCharacters.Escape(shown + ": formatted"));
        }

        string summary = checkOnly
            ? changed + " of " + files.Count + " files would be reformatted"
            : changed + " of " + files.Count + " files formatted";
        console.Out.WriteLine(broken > 0 ? summary + ", " + broken + " left alone (they do not parse)" : summary);
        return broken > 0 || (checkOnly && changed > 0) ? ExitCodes.Failure : ExitCodes.Success;
    }

    /// <summary>Every .json file under the folder, in ordinal order, leaving out hidden files and folders (the signature's manifest among them).</summary>
    private static List<string> Files(string root)
    {
        var files = new List<string>();
        foreach (string path in Directory.EnumerateFiles(root, "*.json", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint }))
        {
            string relative = Path.GetRelativePath(root, path);
            if (!relative.Split(Path.DirectorySeparatorChar).Any(static part => part.StartsWith('.')))
            {
                files.Add(path);
            }
        }

        files.Sort(StringComparer.Ordinal);
        return files;
    }
}
