using System.CommandLine;
using Powers.Cli.Commands;
using Powers.Diagnostics;

namespace Powers.Cli;

/// <summary>The <c>powers</c> command line: builds the commands and runs one.</summary>
internal static class PowersCli
{
    /// <summary>The root command with every subcommand.</summary>
    public static RootCommand Build(CliConsole console, IReadOnlyList<QueryFormat>? formats = null)
    {
        var root = new RootCommand("Decide which powers a police community support officer may exercise under the Police Reform Act 2002 (Sch. 4 from the 2002 Bill, Sch. 3B and 3C from 2017), and check, test and prove the rule files that encode the law.");
        root.Subcommands.Add(QueryCommand.Create(console, formats ?? QueryFormats.All));
        root.Subcommands.Add(CheckCommand.Create(console));
        root.Subcommands.Add(FmtCommand.Create(console));
        root.Subcommands.Add(SignCommand.Create(console));
        root.Subcommands.Add(TestCommand.Create(console));
        root.Subcommands.Add(ListCommand.Create(console));
        root.Subcommands.Add(ExportCommand.Create(console));
        root.Subcommands.Add(ReplayCommand.Create(console));
        root.Subcommands.Add(VerifyCommand.Create(console));
        root.Subcommands.Add(DiffCommand.Create(console));
        root.Subcommands.Add(LspCommand.Create(console));
        root.Subcommands.Add(WorkbenchCommand.Create(console));
        root.Subcommands.Add(CompletionCommand.Create(console));
        return root;
    }

    /// <summary>Runs the tool with arguments and streams; returns the exit code.</summary>
    public static int Run(string[] args, CliConsole console, IReadOnlyList<QueryFormat>? formats = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(console);
        var root = Build(console, formats);
        // A bare 'powers' shows what it can do rather than an error.
        var parse = root.Parse(args.Length == 0 ? ["--help"] : args);
        if (parse.Errors.Count > 0)
        {
            if (parse.CommandResult.Command == root && parse.UnmatchedTokens.Count > 0)
            {
                // One error for a word that is no command, not also "a command is required".
                string word = parse.UnmatchedTokens[0];
                bool option = word.StartsWith('-');
                console.Error.WriteLine("powers: unknown " + (option ? "option" : "command") + " '" + Text.ControlCharacters.Escape(word) + "'"
                    + (option ? string.Empty : DidYouMean.Suffix(word, root.Subcommands.Select(c => c.Name))));
            }
            else
            {
                foreach (var error in parse.Errors)
                {
                    console.Error.WriteLine("powers: " + Text.ControlCharacters.Escape(error.Message));
                }
            }

            console.Error.WriteLine("Run 'powers --help' for usage.");
            return ExitCodes.BadInput;
        }

        if (parse.Action is System.CommandLine.Help.HelpAction)
        {
            // Help names the program by its executable, which for 'dotnet run' and the dotnet tool shim is the
            // assembly (Powers.Cli); the tool is called 'powers'. Examples follow the options.
            var help = new StringWriter();
            int code = parse.Invoke(new InvocationConfiguration { Output = help, Error = console.Error });
            console.Out.Write(help.ToString().Replace(RootCommand.ExecutableName + " ", "powers ", StringComparison.Ordinal).TrimEnd());
            console.Out.WriteLine();
            console.Out.WriteLine();
            CommandExamples.Write(console.Out, parse.CommandResult.Command == root ? string.Empty : parse.CommandResult.Command.Name);
            return code;
        }

        var configuration = new InvocationConfiguration { Output = console.Out, Error = console.Error };
        return parse.Invoke(configuration);
    }
}
