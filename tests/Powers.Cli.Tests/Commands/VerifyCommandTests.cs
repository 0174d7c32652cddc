using Newtonsoft.Json.Linq;

namespace Powers.Cli.Tests.Commands;

public class VerifyCommandTests
{
    [Fact]
    public void Verify_ShippedAssertions_AllProvedAndEndWithCounts()
    {
        // Bounded by work, not the clock: the default 30 s is wall time, which a loaded machine outran (CI, load 22).
        var run = CliRun.Of("verify", CliRun.RulesDirectory, "--time-limit", CliRun.NoTimeLimit);
        Assert.True(run.ExitCode == 0, run.Out + run.Error);
        string last = run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1].Trim();
        Assert.Matches(@"^\d+ proved, 0 refuted$", last);
        Assert.True(int.Parse(last.Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) >= 10);
    }

    [Fact]
    public void Verify_RulesOption_TakenAsEveryCommandTakesIt()
    {
        // Issue 24: the README says every command takes --rules; verify refused it.
        var run = CliRun.Of("verify", "--rules", CliRun.RulesDirectory, "--time-limit", CliRun.NoTimeLimit);

        Assert.True(run.ExitCode == 0, run.Out + run.Error);
        Assert.Equal("library: " + CliRun.RulesDirectory, run.Out.Split('\n')[0]);
        Assert.Equal(2, CliRun.Of("verify", CliRun.RulesDirectory, "--rules", "/elsewhere").ExitCode);
    }

    [Fact]
    public void Verify_DeliberatelyFalseAssertion_RefutedAndCounterexampleBreaksItThroughQuery()
    {
        using var library = new TempLibrary();
        // False in law: Sch. 4 para. 2(3) lets a designated CSO require a person who refused a name to wait.
        File.WriteAllText(library.PathOf("assertions/zz-false.json"), """
            { "assertions": [ { "id": "detention-never-permitted", "cite": "deliberately false", "text": "No CSO may ever detain.",
              "powers": ["detain-pending-constable"], "when": "minutesDetained < 30", "never": ["permitted"] } ] }
            """);
        var run = CliRun.Of("verify", library.Root, "--format", "json", "--time-limit", CliRun.NoTimeLimit);
        Assert.Equal(1, run.ExitCode);
        // The bytes the Newtonsoft writer printed (issue 23 item 5): the counterexample as the one line it is.
        Assert.Contains(
            "      \"id\": \"detention-never-permitted\",\n      \"status\": \"refuted\",\n"
            + "      \"counterexample\": { \"ruleset\": \"pra2002-sch4@2002-12-02\", \"date\": \"2002-12-02\", \"designation\": \"met-2002-community\", \"facts\": { \"inUniform\": true, \"inPoliceArea\": true, \"suspectedConduct\": \"relevant-offence\", \"nameAndAddress\": \"refused\", \"minutesDetained\": 0 } },\n"
            + "      \"power\": \"detain-pending-constable\",\n      \"outcome\": \"permitted\"\n    }\n  ],\n  \"proved\": ",
            run.Out,
            StringComparison.Ordinal);
        var result = JObject.Parse(run.Out);
        var refuted = (JObject)((JArray)result["assertions"]!).Single(a => (string?)a["id"] == "detention-never-permitted");
        Assert.Equal("refuted", (string?)refuted["status"]);
        Assert.Equal(1, (int)result["refuted"]!);
        var counterexample = (JObject)refuted["counterexample"]!;
        Assert.NotNull(counterexample["ruleset"]);
        Assert.NotNull(counterexample["designation"]);

        var query = CliRun.WithInput(counterexample.ToString(), "query", "--input", "-", "--rules", library.Root, "--format", "json");
        Assert.True(query.ExitCode == 0, query.Error);
        var decision = JObject.Parse(query.Out);
        var power = ((JArray)decision["decisions"]!).Single(d => (string?)d["power"] == "detain-pending-constable");
        Assert.Equal("permitted", (string?)power["outcome"]);
        Assert.True((int)counterexample["facts"]!["minutesDetained"]! < 30);
    }

    [Fact]
    public void Verify_TextRefutation_NamesLocationPowerAndQuery()
    {
        using var library = new TempLibrary();
        string content = """
            { "assertions": [ { "id": "cordon-never", "cite": "deliberately false", "text": "No cordon powers.",
              "powers": ["cordon"], "never": ["permitted"] } ] }
            """;
        File.WriteAllText(library.PathOf("assertions/zz-false.json"), content);
        int column = content.IndexOf("\"cordon-never\"", StringComparison.Ordinal) + 1;
        var run = CliRun.Of("verify", library.Root, "--time-limit", CliRun.NoTimeLimit);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("assertions/zz-false.json(1," + column + "): REFUTED cordon-never: No cordon powers.", run.Out, StringComparison.Ordinal);
        Assert.Contains("    cordon is permitted (never: permitted) in:", run.Out, StringComparison.Ordinal);
        Assert.EndsWith("proved, 1 refuted", run.Out.TrimEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_BrokenAssertionFile_ExitsTwo()
    {
        using var library = new TempLibrary();
        File.WriteAllText(library.PathOf("assertions/zz-bad.json"), """{ "assertions": [ { "id": "x", "cite": "c", "text": "t" } ] }""");
        var run = CliRun.Of("verify", library.Root);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("error PWR0318: Assertion 'x' must list outcomes in exactly one of 'never' or 'only'", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_AssertionPastTheTimeLimit_ExitsTwoNamingItWithoutAVerdict()
    {
        using var library = new TempLibrary();
        DiffCommandTests.ChainEntryToSaveLife(library);
        File.WriteAllText(library.PathOf("assertions/zz-chain.json"), """
            { "assertions": [ { "id": "entry-only-for-life-or-property", "cite": "PACE s. 17(1)(e)", "text": "Entry only to save life or limb or prevent serious damage.",
              "powers": ["entry-to-save-life"], "when": "not riskToLifeOrLimb and not riskOfSeriousDamage", "never": ["permitted"] } ] }
            """);
        var run = CliRun.Of("verify", library.Root, "--time-limit", "0");
        Assert.Equal(2, run.ExitCode);
        Assert.Equal(string.Empty, run.Body);
        Assert.StartsWith("powers: too large: assertion '", run.Error, StringComparison.Ordinal);
        Assert.EndsWith("; narrow with its powers or designations" + Environment.NewLine, run.Error, StringComparison.Ordinal);
    }
}
