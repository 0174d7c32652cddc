using System.CommandLine;
using Powers.Compilation;

namespace Powers.Cli.Commands;

/// <summary><c>powers test [DIR]</c>: run the golden cases; ends with <c>N passed, N failed</c>.</summary>
internal static class TestCommand
{
    public static Command Create(CliConsole console)
    {
        var directory = CommonOptions.Directory();
        var rules = CommonOptions.Rules();
        var verbose = new Option<bool>("--verbose", "-v") { Description = "Print every case, not only failures." };
        var command = new Command("test", "Run the golden cases of the rule library. Exit code 0 when all pass, 1 when a case fails, 2 when the folder does not exist or the library does not compile (its errors are listed).")
        {
            directory, rules, verbose,
        };
        command.SetAction(parse =>
        {
            // A library that cannot be run (no such folder, or errors) is not a failing case: its diagnostics and exit 2.
            if (!CommonOptions.TryGetDirectory(parse, directory, rules, console, out string? dir)
                || LibraryLoader.Load(LibraryLoader.Choose(dir), console, console.Out) is not { } library)
            {
                return ExitCodes.BadInput;
            }

            var results = GoldenCaseRunner.Run(new PowersEngine(library));
            int passed = 0;
            int failed = 0;
            bool all = parse.GetValue(verbose);
            foreach (var r in results)
            {
                string where = r.Case.Location.ToString();
                if (r.Passed)
                {
                    passed++;
                    if (all)
                    {
                        console.Out.WriteLine("PASS " + Text.ControlCharacters.Escape(r.Case.Name));
                    }

                    continue;
                }

                failed++;
                console.Out.WriteLine(Text.ControlCharacters.Escape(where + ": FAIL " + r.Case.Name));
                foreach (string f in r.Failures)
                {
                    console.Out.WriteLine("    " + Text.ControlCharacters.Escape(f));
                }

                if (r.Case.Cite is { } cite)
                {
                    console.Out.WriteLine("    cite: " + Text.ControlCharacters.Escape(cite));
                }
            }

            console.Out.WriteLine(passed + " passed, " + failed + " failed");
            return failed == 0 ? ExitCodes.Success : ExitCodes.Failure;
        });
        return command;
    }
}
