using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Powers.Cli.Tests;

/// <summary>
/// Issue 24, item 8: every command a shell block of the README, DEVELOPERS.md, docs/*.md or the tool's package readme
/// shows (<c>powers ...</c>, or <c>dotnet run --project src/Powers.Cli -- ...</c>) runs against the built tool, in a
/// folder holding a copy of the repository's <c>rules/</c>, and exits as the document says (0 unless a comment on the
/// line says <c># exit N</c>). A command that cannot run here is listed below with the reason.
/// </summary>
public sealed partial class DocumentedCommandsTests : IDisposable
{
    private static readonly string Root = Path.GetDirectoryName(CliRun.RulesDirectory)!;

    /// <summary>Commands not run, by how they start, each with the reason.</summary>
    private static readonly (string Start, string Reason)[] NotRun =
    [
        ("dotnet run -c Release --project bench/Powers.Benchmarks", "a benchmark: minutes of BenchmarkDotNet on a quiet machine, not a test"),
        ("powers replay --connection", "needs a PostgreSQL server holding a host's records (Powers.Hosting.PostgreSql.Tests replays one)"),
        ("powers replay decisions.ndjson", "needs the records file a host writes (Powers.Hosting.Tests and ReplayCommandTests verify one)"),
    ];

    private readonly string _work = Directory.CreateTempSubdirectory("powers-documented").FullName;

    public static TheoryData<string> Documents()
    {
        var data = new TheoryData<string>();
        foreach (string document in DocumentPaths())
        {
            data.Add(document);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void EveryShownCommand_RunInACopyOfTheRules_ExitsAsTheDocumentSays(string document)
    {
        CopyRules(Path.Combine(_work, "rules"));
        WriteSigningKeys(_work);
        var failures = new List<string>();
        foreach (var command in Commands(document))
        {
            if (NotRun.Any(n => command.Text.StartsWith(n.Start, StringComparison.Ordinal)))
            {
                continue;
            }

            if (Arguments(command.Text) is not { } args)
            {
                failures.Add($"{document}({command.Line}): `{command.Text}` is neither 'powers ...' nor 'dotnet run --project src/Powers.Cli -- ...'");
                continue;
            }

            if (args[0] is "verify" or "diff" && !args.Contains("--time-limit"))
            {
                // Their default 30 s is wall time, which a loaded machine outruns; the step and case limits still hold.
                args = [.. args, "--time-limit", CliRun.NoTimeLimit];
            }

            var run = PowersProcess.Run(_work, string.Empty, args);
            if (run.Code != command.Exit)
            {
                string said = run.Error.Split('\n').FirstOrDefault(l => l.Length > 0 && !l.StartsWith("library: ", StringComparison.Ordinal)) ?? string.Empty;
                failures.Add($"{document}({command.Line}): `{command.Text}` exited {run.Code}, the document says {command.Exit}: {said}");
            }
        }

        Assert.Empty(failures);
    }

    [Fact]
    public void Documents_ShowCommands_AndEveryOneNotRunIsShown()
    {
        var all = DocumentPaths().SelectMany(d => Commands(d)).ToList();
        Assert.True(all.Count >= 20, "only " + all.Count + " commands found: the extraction is broken");
        foreach (var (start, reason) in NotRun)
        {
            Assert.True(all.Any(c => c.Text.StartsWith(start, StringComparison.Ordinal)), "no document shows '" + start + "' any more (" + reason + "): remove it from NotRun");
        }
    }

    [Theory]
    [InlineData("powers check ./rules          # every diagnostic", new[] { "check", "./rules" }, 0)]
    [InlineData("powers replay d.ndjson --verify   # exit 1: broken", new[] { "replay", "d.ndjson", "--verify" }, 1)]
    [InlineData("dotnet run --project src/Powers.Cli -- query --fact 'a=b c' \"x y\"", new[] { "query", "--fact", "a=b c", "x y" }, 0)]
    [InlineData("powers check rules --format sarif > powers.sarif", new[] { "check", "rules", "--format", "sarif" }, 0)]
    public void Arguments_ShellLine_SplitAsTheShellWould(string line, string[] expected, int exit)
    {
        Assert.Equal(expected, Arguments(line));
        Assert.Equal(exit, ExpectedExit(line));
    }

    public void Dispose() => Directory.Delete(_work, recursive: true);

    private static IEnumerable<string> DocumentPaths() =>
        new[] { "README.md", "DEVELOPERS.md", "src/Powers.Cli/PACKAGE.md" }
            .Concat(Directory.GetFiles(Path.Combine(Root, "docs"), "*.md").Select(p => Path.GetRelativePath(Root, p).Replace('\\', '/')).Order(StringComparer.Ordinal));

    /// <summary>
    /// The commands of a document's shell blocks (sh, bash, shell, console; in a block without a language, a line
    /// after a '$ ' prompt), with the line each starts on; a line ending in '\' goes on.
    /// </summary>
    private static List<(int Line, string Text, int Exit)> Commands(string document)
    {
        string[] lines = File.ReadAllText(Path.Combine(Root, document)).Split('\n');
        var commands = new List<(int, string, int)>();
        string? language = null;
        for (int i = 0; i < lines.Length; i++)
        {
            var fence = Fence().Match(lines[i]);
            if (fence.Success)
            {
                language = language is null ? fence.Groups["language"].Value : null;
                continue;
            }

            if (language is null)
            {
                continue;
            }

            string text = lines[i].Trim();
            bool prompt = text.StartsWith("$ ", StringComparison.Ordinal);
            if (prompt)
            {
                text = text[2..];
            }
            else if (language is not ("sh" or "bash" or "shell" or "console"))
            {
                continue;
            }

            if (!text.StartsWith("powers ", StringComparison.Ordinal) && !text.StartsWith("dotnet run ", StringComparison.Ordinal))
            {
                continue;
            }

            int start = i + 1;
            while (text.EndsWith('\\') && i + 1 < lines.Length)
            {
                text = text[..^1].TrimEnd() + " " + lines[++i].Trim();
            }

            commands.Add((start, text, ExpectedExit(text)));
        }

        return commands;
    }

    /// <summary>The exit code a line's comment states (<c># exit 1</c>, <c># exit 0: intact</c>), else 0.</summary>
    private static int ExpectedExit(string line)
    {
        var said = ExitComment().Match(line);
        return said.Success ? int.Parse(said.Groups["code"].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
    }

    /// <summary>The tool's arguments, split as a POSIX shell splits them (quotes, a '#' comment, a redirection dropped); null for another program.</summary>
    private static string[]? Arguments(string line)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        bool inWord = false;
        char quote = '\0';
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (quote != '\0')
            {
                if (c == quote)
                {
                    quote = '\0';
                }
                else
                {
                    word.Append(c);
                }

                continue;
            }

            if (c is '\'' or '"')
            {
                quote = c;
                inWord = true;
            }
            else if (char.IsWhiteSpace(c))
            {
                if (inWord)
                {
                    words.Add(word.ToString());
                    word.Clear();
                    inWord = false;
                }
            }
            else if (c == '#' && !inWord)
            {
                break;
            }
            else
            {
                word.Append(c);
                inWord = true;
            }
        }

        if (inWord)
        {
            words.Add(word.ToString());
        }

        int redirect = words.FindIndex(w => w is ">" or ">>" or "2>" or "<");
        if (redirect >= 0)
        {
            words.RemoveRange(redirect, words.Count - redirect);
        }

        if (words.Count > 0 && words[0] == "powers")
        {
            return [.. words.Skip(1)];
        }

        int separator = words.IndexOf("--");
        bool cli = words.Count > 2 && words[0] == "dotnet" && words[1] == "run" && separator > 0
            && words.Take(separator).Select((w, k) => (w, k)).Any(p => p.w == "--project" && p.k + 1 < separator && words[p.k + 1].TrimEnd('/') == "src/Powers.Cli");
        return cli ? [.. words.Skip(separator + 1)] : null;
    }

    private static void CopyRules(string to)
    {
        foreach (string file in Directory.GetFiles(CliRun.RulesDirectory, "*", SearchOption.AllDirectories))
        {
            string target = Path.Combine(to, Path.GetRelativePath(CliRun.RulesDirectory, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    /// <summary>The key pair the README's openssl lines make, under the names the documents use.</summary>
    private static void WriteSigningKeys(string directory)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        File.WriteAllText(Path.Combine(directory, "powers-signing.pem"), key.ExportECPrivateKeyPem());
        File.WriteAllText(Path.Combine(directory, "powers-signing.pub.pem"), key.ExportSubjectPublicKeyInfoPem());
    }

    [GeneratedRegex(@"^\s*```(?<language>[a-z]*)\s*$")]
    private static partial Regex Fence();

    [GeneratedRegex(@"#\s*exit (?<code>[0-9])\b")]
    private static partial Regex ExitComment();
}
