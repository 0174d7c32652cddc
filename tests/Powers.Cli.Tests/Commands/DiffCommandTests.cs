using Newtonsoft.Json.Linq;

namespace Powers.Cli.Tests.Commands;

public class DiffCommandTests
{
    [Fact]
    public void Diff_S44ToS47a_SearchUnderS47aBecomesPermittedAndTheExampleChangesThroughQuery()
    {
        // PoFA 2012 Sch. 9 para. 30 re-pointed PRA Sch. 4 para. 15 at s. 47A from 10 Jul 2012; in 2007 it applied s. 44 only.
        var run = CliRun.Of("diff", "--from", "pra2002-sch4@2007-12-01", "--to", "pra2002-sch4@2012-07-10", "--designation", "met-2002-security", "--format", "json", "--rules", CliRun.RulesDirectory, "--time-limit", CliRun.NoTimeLimit);
        Assert.True(run.ExitCode == 0, run.Error);
        var changes = (JArray)JObject.Parse(run.Out)["changes"]!;
        var change = (JObject)changes.Single(c => (string?)c["power"] == "stop-search-authorised-area" && (string?)c["to"] == "permitted");
        Assert.Equal("denied", (string?)change["from"]);
        Assert.Contains("terrorismAuthorisation == 's47a'", (string?)change["when"], StringComparison.Ordinal);
        // The other changes in the range, from the law: child curfews ended with CDA 1998 ss.14-15 (repealed 12 Jan 2010),
        // and the standard para. 6 reaches a sealed container without more once CAYPA s.1(1A) went (29 Jan 2010).
        string[] modelled = ["confiscate-alcohol-young-person", "remove-child-curfew", "stop-search-authorised-area"];
        Assert.Equal(modelled, changes.Select(c => (string)c["power"]!).Where(modelled.Contains).Distinct().Order(StringComparer.Ordinal));
        // Any other change is a power that came into force in between and that this designation does not grant
        // (e.g. para. 1ZA byelaw penalty notices from 27 Jan 2010, SI 2010/112 art. 2(e)).
        Assert.All(changes.Where(c => !modelled.Contains((string)c["power"]!)), c =>
        {
            Assert.Equal("not-in-force", (string?)c["from"]);
            Assert.Equal("not-designated", (string?)c["to"]);
        });

        foreach (var (ruleset, expected) in new[] { ("pra2002-sch4@2007-12-01", "denied"), ("pra2002-sch4@2012-07-10", "permitted") })
        {
            var query = new JObject { ["ruleset"] = ruleset, ["designation"] = "met-2002-security", ["facts"] = change["example"]!.DeepClone() };
            var decided = CliRun.WithInput(query.ToString(), "query", "--input", "-", "--format", "json", "--rules", CliRun.RulesDirectory);
            Assert.True(decided.ExitCode == 0, decided.Error);
            var power = ((JArray)JObject.Parse(decided.Out)["decisions"]!).Single(d => (string?)d["power"] == "stop-search-authorised-area");
            Assert.Equal(expected, (string?)power["outcome"]);
        }
    }

    [Fact]
    public void Diff_DetentionGoesNational_KentGainsDetentionAsMarkdown()
    {
        // SI 2004/3338 art. 2: detention and force under paras. 2(3) and 4 for every force from 23 Dec 2004.
        var run = CliRun.Of("diff", "--from", "2004-12-22", "--to", "2004-12-23", "--force", "kent", "--format", "markdown", "--time-limit", CliRun.NoTimeLimit);
        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("### `pra2002-sch4@2004-11-01` → `pra2002-sch4@2004-12-23`", run.Out, StringComparison.Ordinal);
        Assert.Contains("| `detain-pending-constable` | not-in-force | permitted | `", run.Out, StringComparison.Ordinal);
        Assert.Contains("| `reasonable-force-to-detain` | not-in-force | permitted | `", run.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "--from", "pra2002-sch4@2099", "--to", "2013-03-01" }, "--from: rule set 'pra2002-sch4' has no version '2099'")]
    [InlineData(new[] { "--from", "2012-01-01", "--to", "2013-03-01", "--designation", "met-2002-securty" }, "--designation: unknown designation 'met-2002-securty'; did you mean 'met-2002-security'?")]
    public void Diff_UnknownVersionOrDesignation_SaysSoAsQueryDoes(string[] args, string message)
    {
        var run = CliRun.Of(["diff", .. args]);
        Assert.Equal(2, run.ExitCode);
        Assert.Equal("powers: bad input: " + message + Environment.NewLine, run.Error);
    }

    [Fact]
    public void Diff_TimelineWithoutPower_ExitsTwo()
    {
        var run = CliRun.Of("diff", "--timeline");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--timeline", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Diff_Timeline_EveryConsecutivePairFromTheBillAndStopSearchEndsIn2017()
    {
        var run = CliRun.Of("diff", "--power", "stop-search-authorised-area", "--timeline", "--rules", CliRun.RulesDirectory, "--time-limit", CliRun.NoTimeLimit);
        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("pra2002-sch4@bill-2002-04-25 -> pra2002-sch4@2002-12-02: ", run.Body, StringComparison.Ordinal);
        // PCA 2017 and SI 2017/1139: Sch. 3B para. 2 excludes every power to stop and search from 15 Dec 2017.
        Assert.Contains("-> pra2002-sch4@2017-12-15: 2 change(s)", run.Out, StringComparison.Ordinal);
        Assert.Contains("  stop-search-authorised-area: permitted -> not-in-force", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Diff_ComparisonPastItsTimeLimit_ExitsTwoSayingHowToNarrow()
    {
        // Four whole-number facts ordered against each other and 21 constants: millions of situation classes. With no
        // time at all, the search stops at its first look at the clock (every 1,024 classes), so the reason is exact.
        using var changed = new TempLibrary();
        ChainEntryToSaveLife(changed);
        var run = CliRun.Of("diff", "--from", "pra2002-sch4@2017-12-15", "--rules", CliRun.RulesDirectory, "--to-rules", changed.Root, "--power", "entry-to-save-life", "--time-limit", "0");
        Assert.Equal(2, run.ExitCode);
        Assert.All(run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries), line => Assert.StartsWith("library: ", line, StringComparison.Ordinal));
        Assert.Equal("powers: too large: out of time for power 'entry-to-save-life' (after 1,024 situation classes); narrow with --power or --designation" + Environment.NewLine, run.Error);
    }

    [Fact]
    public void Diff_EnumValuesInAnotherOrder_RefusedAsDifferentSchemas()
    {
        // Enum values are stored by index: the same names in another order would compare different situations.
        using var changed = new TempLibrary();
        string facts = File.ReadAllText(changed.PathOf("facts.json"));
        File.WriteAllText(changed.PathOf("facts.json"), facts.Replace("\"none\",\n        \"s44\",", "\"s44\",\n        \"none\",", StringComparison.Ordinal));
        Assert.NotEqual(facts, File.ReadAllText(changed.PathOf("facts.json")));
        var run = CliRun.Of("diff", "--from", "pra2002-sch4@2012-07-10", "--rules", CliRun.RulesDirectory, "--to-rules", changed.Root, "--time-limit", CliRun.NoTimeLimit);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--to-rules: the two libraries have different fact schemas", run.Error, StringComparison.Ordinal);
    }

    internal static void ChainEntryToSaveLife(TempLibrary library)
    {
        string path = library.PathOf("pra2002/2017-12-15.json");
        string text = File.ReadAllText(path);
        string chained = text.Replace(
            "\"when\": \"riskToLifeOrLimb or riskOfSeriousDamage\"",
            "\"when\": \"(riskToLifeOrLimb or riskOfSeriousDamage) and cordonAgeDays < authorisationAgeDays and authorisationAgeDays < authorisationAgeHours and authorisationAgeHours < minutesDetained and minutesDetained in [0, 3, 6, 9, 12, 15, 18, 21, 24, 27, 30, 33, 36, 39, 42, 45, 48, 51, 54, 57, 60]\"",
            StringComparison.Ordinal);
        Assert.NotEqual(text, chained);
        File.WriteAllText(path, chained);
    }
}
