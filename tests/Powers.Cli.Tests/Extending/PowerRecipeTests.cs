using Newtonsoft.Json.Linq;
using Powers.TestSupport;

namespace Powers.Cli.Tests.Extending;

/// <summary>
/// docs/extending.md, "A power with a new fact" (issue 23 item 4), walked through on a copy of <c>rules/</c>: every
/// rule-file block of the page applied where its info string says, then the page's commands run there.
/// </summary>
public sealed class PowerRecipeTests : IDisposable
{
    private const string Section = "A power with a new fact";
    private readonly string _work = Directory.CreateTempSubdirectory("powers-recipe").FullName;

    private string Rules => Path.Combine(_work, "rules");

    public void Dispose() => Directory.Delete(_work, recursive: true);

    [Fact]
    public void Recipe_AppliedToACopyOfTheRules_ChecksPassesItsCasesAndProvesItsAssertion()
    {
        Copy(CliRun.RulesDirectory, Rules);
        var blocks = ExtendingDocument.Blocks(Section);
        var files = blocks.Where(b => b.Language == "json").ToList();
        string[] steps = blocks.Single(b => b.Language == "sh").Text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

        Assert.Equal(["rules/facts.json", "rules/powers.json", "rules/pra2002/2017-12-15.json", "rules/cases/extending-example.json", "rules/assertions/extending-example.json"], files.Select(b => b.Info[0]));
        Assert.Equal(["python3 .ci/sync-schemas.py", "powers fmt rules", "powers check rules", "powers test rules --verbose", "powers verify rules --verbose"], steps);
        foreach (var block in files)
        {
            Apply(block);
        }

        Assert.DoesNotContain("example-extending-power", Schema("ruleset.schema.json"), StringComparison.Ordinal);
        var runs = new List<CliRun>();
        foreach (string step in steps)
        {
            if (step.StartsWith("python3 ", StringComparison.Ordinal))
            {
                // The script takes the folder to sync; the page runs it on the repository's own.
                Processes.Run("python3", Path.Combine(ExtendingDocument.Root, step.Split(' ')[1]), Rules);
                continue;
            }

            string[] args = [.. step.Split(' ')[1..].Select(a => a == "rules" ? Rules : a)];
            // verify's default 30 s is wall time, which a loaded machine outruns; its step and case limits still hold.
            runs.Add(CliRun.Of(args[0] == "verify" ? [.. args, "--time-limit", CliRun.NoTimeLimit] : args));
        }

        Assert.All(runs, run => Assert.True(run.ExitCode == 0, run.Out + run.Error));
        Assert.Contains("0 error(s)", runs[1].Out, StringComparison.Ordinal);
        var cases = JObject.Parse(files.Single(b => b.Info[0] == "rules/cases/extending-example.json").Text)["cases"]!.Select(c => (string)c["name"]!).ToList();
        Assert.Equal(3, cases.Count);
        Assert.All(cases, name => Assert.Contains("PASS " + name + "\n", runs[2].Out.ReplaceLineEndings("\n"), StringComparison.Ordinal));
        Assert.Contains("PROVED example-never-without-grounds (", runs[3].Out, StringComparison.Ordinal);
        Assert.Contains("\"example-extending-power\"", Schema("ruleset.schema.json"), StringComparison.Ordinal);
        Assert.Contains("\"exampleGroundsGiven\"", Schema("cases.schema.json"), StringComparison.Ordinal);
    }

    [Fact]
    public void Recipe_ACaseThatExpectsWhatTheClauseDoesNotGive_TestFails()
    {
        // The walk-through can fail: the same steps with one expected outcome wrong.
        Copy(CliRun.RulesDirectory, Rules);
        foreach (var block in ExtendingDocument.Blocks(Section).Where(b => b.Language == "json"))
        {
            Apply(block.Info[0] == "rules/cases/extending-example.json" ? block with { Text = block.Text.Replace("\"denied\"", "\"permitted\"", StringComparison.Ordinal) } : block);
        }

        var run = CliRun.Of("test", Rules);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("FAIL Example (docs/extending.md): grounds not given: denied", run.Out, StringComparison.Ordinal);
    }

    private static void Copy(string from, string to)
    {
        foreach (string file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            string target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    /// <summary>A block's JSON merged into the member its info string names (properties added, items appended), or written as the whole file.</summary>
    private void Apply(ExtendingDocument.Block block)
    {
        string path = Path.Combine(_work, block.Info[0]);
        if (block.Info.Length == 1)
        {
            Assert.False(File.Exists(path), block.Info[0] + " exists already: the page's new file would replace it");
            File.WriteAllText(path, block.Text + "\n");
            return;
        }

        var file = JObject.Parse(File.ReadAllText(path));
        var member = file[block.Info[1]]!;
        var added = JToken.Parse(block.Text);
        if (member is JArray items)
        {
            foreach (var item in (JArray)added)
            {
                items.Add(item);
            }
        }
        else
        {
            foreach (var property in ((JObject)added).Properties())
            {
                Assert.Null(((JObject)member)[property.Name]);
                ((JObject)member).Add(property.Name, property.Value);
            }
        }

        File.WriteAllText(path, file.ToString() + "\n");
    }

    private string Schema(string name) => File.ReadAllText(Path.Combine(Rules, "schema", name));
}
