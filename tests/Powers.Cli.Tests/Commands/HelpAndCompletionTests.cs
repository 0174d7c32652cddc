using System.CommandLine;
using System.Diagnostics;

namespace Powers.Cli.Tests.Commands;

/// <summary>Issue 24: one error for an unknown command, examples in every command's help, shell completion that works.</summary>
public sealed class HelpAndCompletionTests
{
    public static TheoryData<string> CommandNames() => [.. PowersCli.Build(Console()).Subcommands.Select(c => c.Name)];

    [Fact]
    public void Run_UnknownCommand_OneErrorWithASuggestion()
    {
        var run = CliRun.Of("frobnicate");
        Assert.Equal(2, run.ExitCode);
        Assert.Equal("powers: unknown command 'frobnicate'" + Environment.NewLine + "Run 'powers --help' for usage." + Environment.NewLine, run.Error);

        Assert.Equal("powers: unknown command 'chek'; did you mean 'check'?", CliRun.Of("chek").Error.Split(Environment.NewLine)[0]);
    }

    [Theory]
    [MemberData(nameof(CommandNames))]
    public void Help_EveryCommand_EndsWithExamplesThatParse(string command)
    {
        var run = CliRun.Of(command, "--help");

        Assert.Equal(0, run.ExitCode);
        string[] examples = CommandExamples.All[command];
        Assert.NotEmpty(examples);
        Assert.EndsWith("Examples:" + Environment.NewLine + string.Concat(examples.Select(e => "  " + e + Environment.NewLine)) + Environment.NewLine, run.Out, StringComparison.Ordinal);
        foreach (string example in examples.Concat(CommandExamples.All[string.Empty]))
        {
            // What a shell would pass: the words after 'powers', before any redirection.
            string words = example["powers ".Length..].Split(" >", 2)[0];
            var parse = PowersCli.Build(Console()).Parse(words);
            Assert.True(parse.Errors.Count == 0, example + ": " + string.Join("; ", parse.Errors.Select(e => e.Message)));
        }
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void CompletionBash_InBash_CompletesCommandsOptionsAndValues()
    {
        Assert.True(File.Exists("/bin/bash"), "bash is needed for this test");

        string bin = Directory.CreateTempSubdirectory("powers-completion").FullName;
        try
        {
            string shim = Path.Combine(bin, "powers");
            File.WriteAllText(shim, "#!/bin/sh\nexec dotnet '" + PowersProcess.Dll + "' \"$@\"\n");
            File.SetUnixFileMode(shim, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            File.WriteAllText(Path.Combine(bin, "powers.bash"), CliRun.Of("completion", "bash").Out);

            Assert.Equal(["check"], Complete(bin, "powers che"));
            Assert.Equal(["sarif"], Complete(bin, "powers check --format s"));
            Assert.Contains("--severity", Complete(bin, "powers check --"));
        }
        finally
        {
            Directory.Delete(bin, recursive: true);
        }
    }

    private static string[] Complete(string bin, string line)
    {
        string[] words = line.Split(' ');
        string script = "source '" + bin + "/powers.bash'; COMP_LINE='" + line + "'; COMP_POINT=${#COMP_LINE}; COMP_WORDS=(" + string.Join(' ', words.Select(w => "'" + w + "'"))
            + "); COMP_CWORD=" + (words.Length - 1) + "; _powers_complete; printf '%s\\n' \"${COMPREPLY[@]}\"";
        var info = new ProcessStartInfo("/bin/bash") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add(script);
        info.Environment["PATH"] = bin + ":" + Environment.GetEnvironmentVariable("PATH");
        var (code, output, error) = PowersProcess.Wait(info, string.Empty);
        Assert.True(code == 0, error);
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    private static CliConsole Console() => new(new StringWriter(), new StringWriter(), new StringReader(string.Empty), ErrorIsTerminal: false);
}
