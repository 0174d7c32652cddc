namespace Powers.Cli.Tests.Extending;

/// <summary>
/// The code blocks of docs/extending.md, by recipe: what the recipe tests apply and run, so the page and the tests
/// cannot drift apart.
/// </summary>
internal static class ExtendingDocument
{
    public static string Root { get; } = Path.GetDirectoryName(CliRun.RulesDirectory)!;

    /// <summary>
    /// The fenced blocks of the section headed <c>## <paramref name="section"/></c>, in order: each block's language, the
    /// rest of its info string (the file a rule-file block goes to, and the member), and its text, the fence's
    /// indentation taken off every line.
    /// </summary>
    public static List<Block> Blocks(string section)
    {
        string[] lines = File.ReadAllText(Path.Combine(Root, "docs", "extending.md")).ReplaceLineEndings("\n").Split('\n');
        int start = Array.IndexOf(lines, "## " + section);
        Assert.True(start >= 0, "docs/extending.md has no section '## " + section + "'");
        var blocks = new List<Block>();
        for (int i = start + 1; i < lines.Length && !lines[i].StartsWith("## ", StringComparison.Ordinal); i++)
        {
            string trimmed = lines[i].TrimStart();
            if (!trimmed.StartsWith("```", StringComparison.Ordinal))
            {
                continue;
            }

            int indent = lines[i].Length - trimmed.Length;
            string[] info = trimmed[3..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var text = new List<string>();
            for (i++; i < lines.Length && lines[i].Trim() != "```"; i++)
            {
                text.Add(lines[i].Length >= indent && string.IsNullOrWhiteSpace(lines[i][..indent]) ? lines[i][indent..] : lines[i].TrimStart());
            }

            blocks.Add(new Block(info.Length > 0 ? info[0] : string.Empty, info.Skip(1).ToArray(), string.Join('\n', text)));
        }

        return blocks;
    }

    /// <summary>Whether <paramref name="block"/> is in the file at <paramref name="relative"/> line for line, whatever the indentation.</summary>
    public static bool Shows(string relative, Block block)
    {
        static string Lines(string text) => string.Join('\n', text.ReplaceLineEndings("\n").Split('\n').Select(l => l.Trim()));
        return Lines(File.ReadAllText(Path.Combine(Root, relative))).Contains(Lines(block.Text), StringComparison.Ordinal);
    }

    /// <summary>A fenced block: its language, the rest of its info string, its text.</summary>
    internal sealed record Block(string Language, string[] Info, string Text);
}
