using System.CommandLine;

namespace Powers.Cli.Commands;

/// <summary>
/// <c>powers completion bash|zsh|pwsh</c>: a shell completion script. Each script asks the tool itself, through
/// System.CommandLine's <c>[suggest:POSITION]</c> directive, what may follow the words typed so far (commands,
/// options, option values), so completion always matches the installed tool and needs nothing else installed.
/// </summary>
internal static class CompletionCommand
{
    internal const string Bash = """
        # powers: bash completion (from 'powers completion bash'); the tool suggests what may follow the words typed.
        _powers_complete()
        {
            local line="${COMP_LINE:0:COMP_POINT}"
            local rest=""
            [[ "$line" == *[[:space:]]* ]] && rest="${line#*[[:space:]]}"
            local word="${COMP_WORDS[COMP_CWORD]}" suggestion
            COMPREPLY=()
            while IFS= read -r suggestion; do
                [[ "$suggestion" == "$word"* ]] && COMPREPLY+=("$suggestion")
            done < <(command "${COMP_WORDS[0]}" "[suggest:${#rest}]" "$rest" 2>/dev/null)
        }
        complete -o default -F _powers_complete powers
        """;

    internal const string Zsh = """
        # powers: zsh completion (from 'powers completion zsh'); the tool suggests what may follow the words typed.
        _powers_complete()
        {
            local line="${BUFFER[1,CURSOR]}"
            local rest=""
            [[ "$line" == *[[:space:]]* ]] && rest="${line#*[[:space:]]}"
            local -a suggestions
            suggestions=("${(@f)$(command powers "[suggest:${#rest}]" "$rest" 2>/dev/null)}")
            compadd -a suggestions
        }
        compdef _powers_complete powers
        """;

    internal const string PowerShell = """
        # powers: PowerShell completion (from 'powers completion pwsh'); the tool suggests what may follow the words typed.
        Register-ArgumentCompleter -Native -CommandName powers -ScriptBlock {
            param($wordToComplete, $commandAst, $cursorPosition)
            $line = $commandAst.ToString()
            $end = [Math]::Min($cursorPosition - $commandAst.Extent.StartOffset, $line.Length)
            $line = $line.Substring(0, $end)
            $space = $line.IndexOf(' ')
            $rest = if ($space -ge 0) { $line.Substring($space + 1) } else { '' }
            & powers "[suggest:$($rest.Length)]" "$rest" 2>$null | Where-Object { $_ -like "$wordToComplete*" } | ForEach-Object {
                [System.Management.Automation.CompletionResult]::new($_, $_, 'ParameterValue', $_)
            }
        }
        """;

    public static Command Create(CliConsole console)
    {
        var shell = new Argument<string>("SHELL") { Description = "bash, zsh or pwsh." };
        shell.AcceptOnlyFromAmong("bash", "zsh", "pwsh");
        var command = new Command("completion", "Print a shell completion script for powers: commands, options and their values complete with Tab. Add it to the shell's start-up file (see the examples). Exit code 0.")
        {
            shell,
        };
        command.SetAction(parse =>
        {
            console.Out.WriteLine(parse.GetValue(shell) switch { "zsh" => Zsh, "pwsh" => PowerShell, _ => Bash });
            return ExitCodes.Success;
        });
        return command;
    }
}
