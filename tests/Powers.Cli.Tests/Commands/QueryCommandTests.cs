using Newtonsoft.Json.Linq;

namespace Powers.Cli.Tests.Commands;

public class QueryCommandTests
{
    private const string Query2013 = """
        { "date": "2013-03-01", "designation": "met-2002-security",
          "facts": { "inUniform": true, "inPoliceArea": true, "terrorismAuthorisation": "s47a" } }
        """;

    [Fact]
    public void Query_JsonFromStdin_HasEveryPowerInCatalogueOrder()
    {
        var run = CliRun.WithInput(Query2013, "query", "--input", "-", "--format", "json");
        Assert.Equal(0, run.ExitCode);
        var doc = JObject.Parse(run.Out);
        Assert.Equal("2013-03-01", (string?)doc["date"]);
        Assert.Equal("met-2002-security", (string?)doc["designation"]);
        Assert.Equal("pra2002-sch4", (string?)doc["ruleset"]!["id"]);
        Assert.Equal(64, ((string?)doc["ruleset"]!["sha256"])!.Length);
        var powers = doc["decisions"]!.Select(d => (string?)d["power"]).ToList();
        var catalogue = JObject.Parse(File.ReadAllText(Path.Combine(CliRun.RulesDirectory, "powers.json")))["powers"]!.Select(p => (string?)p["id"]).ToList();
        Assert.Equal(54, catalogue.Count);
        Assert.Equal(catalogue, powers);
        var search = doc["decisions"]!.Single(d => (string?)d["power"] == "stop-search-authorised-area");
        Assert.Equal("undetermined", (string?)search["outcome"]);
        Assert.Contains("constableInCompany", search["missing"]!.Select(m => (string?)m));
        Assert.All(search["clauses"]!, c => Assert.Contains((string?)c["status"], new[] { "held", "failed", "unknown" }));
    }

    [Fact]
    public void Query_UnknownFact_ExitsTwoNamingIt()
    {
        var run = CliRun.WithInput("""{ "date": "2013-03-01", "designation": "met-2002-security", "facts": { "constablePresent": true } }""", "query", "--input", "-");
        Assert.Equal(2, run.ExitCode);
        Assert.Equal("powers: bad input: facts.constablePresent: unknown fact 'constablePresent'; did you mean 'constableInCompany'?" + Environment.NewLine, run.Problems);
        Assert.Equal(string.Empty, run.Body);
    }

    [Theory]
    [InlineData("""{ "date": "2013-02-30", "designation": "met-2002-security" }""", "date: '2013-02-30' is not a date; use YYYY-MM-DD, e.g. 2013-03-01")]
    [InlineData("""{ "date": "2013-03-01", "designation": "met-2002-securty" }""", "designation: unknown designation 'met-2002-securty'; did you mean 'met-2002-security'?")]
    [InlineData("""{ "date": "2013-03-01", "designation": "met-2002-security", "facts": { "inUniform": "yes" } }""", "facts.inUniform: expected true or false (or null for unknown), not the string 'yes'")]
    [InlineData("""{ "date": "2013-03-01", "designation": "met-2002-security", "facts": { "searchOf": "pocket" } }""", "facts.searchOf: 'pocket' is not one of 'vehicle', 'item-carried', 'person'")]
    [InlineData("""{ "date": "2013-03-01", "designation": "met-2002-security", "facts": { "minutesDetained": -1 } }""", "facts.minutesDetained: must be 0 or more, not -1")]
    [InlineData("""{ "date": "2013-03-01", "designation": { "force": "kent", "powers": ["cordn"] } }""", "designation.powers[0]: unknown power 'cordn'; did you mean 'cordon'?")]
    [InlineData("""{ "date": "2013-03-01", "designation": { "force": "kents", "powers": [] } }""", "designation.force: unknown force 'kents'; did you mean 'kent'?")]
    [InlineData("""{ "date": "2013-03-01", "designation": "met-2002-security", "ruleset": "pra2002-sch4@2099" }""", "ruleset: rule set 'pra2002-sch4' has no version '2099'")]
    [InlineData("""{ "designation": "met-2002-security" }""", "date: a date (YYYY-MM-DD) is required unless 'ruleset' names a version (ID@VERSION)")]
    [InlineData("""{ "date": "2013-03-01", "designation": "met-2002-security", "fact": {} }""", "fact: unknown property; did you mean 'facts'?")]
    public void Query_BadInput_ExitsTwoNamingField(string json, string message)
    {
        var run = CliRun.WithInput(json, "query", "--input", "-");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("powers: bad input: " + message, run.Problems, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{ \"date\": \"2013-03-01\", ")]
    [InlineData("{ \"date\": \"2013-03-01\", \"date\": \"2014-01-01\", \"designation\": \"met-2002-security\" }")]
    [InlineData("[1, 2]")]
    public void Query_MalformedJson_ExitsTwo(string json)
    {
        var run = CliRun.WithInput(json, "query", "--input", "-");
        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("powers: bad input: ", run.Problems, StringComparison.Ordinal);
    }

    [Fact]
    public void Query_Flags_DecideLikeDocument()
    {
        var flags = CliRun.Of("query", "--date", "2013-03-01", "--designation", "met-2002-security", "--fact", "inUniform=true", "--fact", "inPoliceArea=true", "--fact", "terrorismAuthorisation=s47a", "--format", "json");
        var document = CliRun.WithInput(Query2013, "query", "--input", "-", "--format", "json");
        Assert.Equal(0, flags.ExitCode);
        Assert.Equal(document.Out, flags.Out);
    }

    [Fact]
    public void Query_AdHocDesignationByFlags_Works()
    {
        var run = CliRun.Of("query", "--date", "2006-01-10", "--force", "kent", "--grant", "entry-to-save-life", "--fact", "inUniform=true", "--fact", "inPoliceArea=true", "--fact", "riskToLifeOrLimb=true", "--format", "outcomes");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal("permitted", (string?)JObject.Parse(run.Out)["entry-to-save-life"]);
    }

    [Fact]
    public void Query_BadFlagValue_ExitsTwo()
    {
        var run = CliRun.Of("query", "--date", "2013-03-01", "--designation", "met-2002-security", "--fact", "minutesDetained=ten");
        Assert.Equal(2, run.ExitCode);
        Assert.Equal("powers: bad input: facts.minutesDetained: expected a whole number (or null for unknown), not the string 'ten'" + Environment.NewLine, run.Problems);
    }

    [Fact]
    public void Query_UnknownOption_ExitsTwo()
    {
        var run = CliRun.Of("query", "--dat", "2013-03-01");
        Assert.Equal(2, run.ExitCode);
    }

    [Fact]
    public void Query_TextFormat_ShowsTableAndReasons()
    {
        var run = CliRun.WithInput(Query2013, "query", "--input", "-");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("POWER", run.Out, StringComparison.Ordinal);
        Assert.Contains("stop-search-authorised-area", run.Out, StringComparison.Ordinal);
        Assert.Contains("missing facts: ", run.Out, StringComparison.Ordinal);
        Assert.Contains("pra2002-sch4@2012-07-10", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Query_DatedRulesetWithDateOutsideItsRange_ExitsTwoNamingBothFields()
    {
        // Found in review: a s.44-era version queried for 2019 answered with repealed law.
        var run = CliRun.WithInput("""{ "date": "2019-01-01", "ruleset": "pra2002-sch4@2012-07-10", "designation": "met-2002-security" }""", "query", "--input", "-");
        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("powers: bad input: ruleset: 'date' 2019-01-01 is outside the effective range of 'ruleset' pra2002-sch4@2012-07-10 (2012-07-10 to ", run.Problems, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Body);
    }

    [Fact]
    public void Query_BillWithAnyDate_Decided()
    {
        var run = CliRun.Of("query", "--ruleset", "pra2002-sch4@bill-2002-04-25", "--date", "2019-01-01", "--designation", "met-2002-security", "--format", "outcomes");
        Assert.Equal(0, run.ExitCode);
    }

    [Fact]
    public void Query_Json_EveryDecisionSaysHowCertainItIs()
    {
        var run = CliRun.WithInput(Query2013, "query", "--input", "-", "--format", "json");
        Assert.Equal(0, run.ExitCode);
        foreach (var decision in JObject.Parse(run.Out)["decisions"]!)
        {
            string? confidence = (string?)decision["confidence"];
            var uncertain = (JArray)decision["uncertain"]!;
            Assert.Contains(confidence, new[] { "high", "low" });
            Assert.Equal(confidence == "low", uncertain.Count > 0);
            Assert.All(uncertain, u => Assert.False(string.IsNullOrWhiteSpace((string?)u["note"])));
        }
    }

    [Fact]
    public void Query_MadeWithAStoredDesignation_ExitsTwo()
    {
        var run = CliRun.Of("query", "--date", "2019-01-01", "--designation", "met-2002-security", "--made", "2010-01-01");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--made: --made dates an ad-hoc designation", run.Problems, StringComparison.Ordinal);
    }

    [Fact]
    public void Query_Bill_SelectedByRuleset()
    {
        var run = CliRun.Of("query", "--ruleset", "pra2002-sch4@bill-2002-04-25", "--designation", "met-2002-security", "--format", "json");
        Assert.Equal(0, run.ExitCode);
        var doc = JObject.Parse(run.Out);
        Assert.Equal("bill-2002-04-25", (string?)doc["ruleset"]!["version"]);
        var entry = doc["decisions"]!.Single(d => (string?)d["power"] == "entry-to-save-life");
        Assert.Contains("para. 10", (string?)entry["cite"], StringComparison.Ordinal);
    }

    [Fact]
    public void Query_Ndjson_OneResultPerLineInOrderWithErrorLines()
    {
        string input = string.Join("\n", [
            """{"date":"2001-01-01","designation":"met-2002-security"}""",
            """{"date":"2013-03-01","designation":"nope"}""",
            """not json""",
            """{"date":"2013-03-01","designation":{"force":"kent","powers":["road-check"]},"facts":{"inUniform":true,"inPoliceArea":true,"roadCheckAuthorised":true}}""",
        ]) + "\n";
        var run = CliRun.WithInput(input, "query", "--input", "-", "--format", "outcomes");
        Assert.Equal(2, run.ExitCode);
        var lines = run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, lines.Length);
        Assert.All(JObject.Parse(lines[0]).Properties(), p => Assert.Equal("not-in-force", (string?)p.Value));
        Assert.Equal(2, (int)JObject.Parse(lines[1])["line"]!);
        Assert.Equal(3, (int)JObject.Parse(lines[2])["line"]!);
        Assert.Equal("permitted", (string?)JObject.Parse(lines[3])["road-check"]);
    }

    // Issue 19, defect 1: an ad-hoc designation made after the query's date confers nothing (PRA s.38(5)); the flags
    // and an NDJSON line give the same answer as a query document (AdHocMadeDayTests), and the day it is made is in force.
    [Fact]
    public void Query_AdHocMadeAfterTheDate_NotDesignatedFromFlagsAndNdjson()
    {
        string[] facts = ["--fact", "inUniform=true", "--fact", "inPoliceArea=true", "--fact", "roadCheckAuthorised=true", "--fact", "inCordonedArea=true", "--fact", "cordonAgeDays=0", "--fact", "riskToLifeOrLimb=true"];
        var flags = CliRun.Of(["query", "--date", "2017-12-14", "--force", "metropolitan", "--grant", "road-check,cordon,entry-to-save-life", "--made", "2017-12-15", .. facts, "--format", "outcomes"]);
        Assert.Equal(0, flags.ExitCode);
        Assert.All(JObject.Parse(flags.Out).Properties(), p => Assert.Contains((string?)p.Value, new[] { "not-designated", "not-in-force" }));
        Assert.All(new[] { "road-check", "cordon", "entry-to-save-life" }, id => Assert.Equal("not-designated", (string?)JObject.Parse(flags.Out)[id]));

        string line = """{"date":"2017-12-14","designation":{"force":"metropolitan","powers":["road-check","cordon","entry-to-save-life"],"made":"2017-12-15"},"facts":{"inUniform":true,"inPoliceArea":true,"roadCheckAuthorised":true,"inCordonedArea":true,"cordonAgeDays":0,"riskToLifeOrLimb":true}}""";
        var ndjson = CliRun.WithInput(line + "\n" + line.Replace("2017-12-14", "2017-12-15", StringComparison.Ordinal) + "\n", "query", "--input", "-", "--ndjson", "--format", "outcomes");
        Assert.Equal(0, ndjson.ExitCode);
        var lines = ndjson.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.All(JObject.Parse(lines[0]).Properties(), p => Assert.Contains((string?)p.Value, new[] { "not-designated", "not-in-force" }));
        Assert.Equal("not-designated", (string?)JObject.Parse(lines[0])["road-check"]);
        // Made on the day asked: the new scheme's road check (PACE s.4 via s.38(6B)(a)) and entry (PACE s.17(1)(e)).
        Assert.Equal("permitted", (string?)JObject.Parse(lines[1])["road-check"]);
        Assert.Equal("permitted", (string?)JObject.Parse(lines[1])["entry-to-save-life"]);
    }

    [Fact]
    public void Query_NdjsonOutcomesOneDesignation_EachLineItsOwnOutcomesAndOnlyPowerAlone()
    {
        // One ad-hoc designation and date, so every line is decided by one plan and written from its reused line
        // buffer. A road check needs a superintendent's authorisation (PACE s.4(3)): without it, denied.
        string authorised = """{"date":"2017-12-15","designation":{"force":"metropolitan","powers":["road-check"],"made":"2017-12-15"},"facts":{"inUniform":true,"inPoliceArea":true,"roadCheckAuthorised":true}}""";
        string refused = authorised.Replace("\"roadCheckAuthorised\":true", "\"roadCheckAuthorised\":false", StringComparison.Ordinal);
        string input = authorised + "\n" + refused + "\n" + authorised + "\n";

        var all = CliRun.WithInput(input, "query", "--input", "-", "--ndjson", "--format", "outcomes");
        Assert.Equal(0, all.ExitCode);
        var lines = all.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.Equal("permitted", (string?)JObject.Parse(lines[0])["road-check"]);
        Assert.Equal("denied", (string?)JObject.Parse(lines[1])["road-check"]);
        Assert.Equal(lines[0], lines[2]);
        Assert.Equal(JObject.Parse(lines[0]).Properties().Select(p => p.Name), JObject.Parse(lines[1]).Properties().Select(p => p.Name));

        var one = CliRun.WithInput(input, "query", "--input", "-", "--ndjson", "--format", "outcomes", "--power", "road-check");
        Assert.Equal(0, one.ExitCode);
        Assert.Equal("{\"road-check\":\"permitted\"}\n{\"road-check\":\"denied\"}\n{\"road-check\":\"permitted\"}\n", one.Out.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Query_NdjsonFile_FullDecisionsPerLine()
    {
        string path = Path.GetTempFileName() + ".ndjson";
        try
        {
            File.WriteAllText(path, """{"date":"2013-03-01","designation":"met-2002-security"}""" + "\n" + """{"date":"2003-03-01","designation":"met-2002-security"}""" + "\n");
            var run = CliRun.Of("query", "--input", path, "--format", "json");
            Assert.Equal(0, run.ExitCode);
            var lines = run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(["2013-03-01", "2003-03-01"], lines.Select(l => (string?)JObject.Parse(l)["date"]));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Query_MissingRulesFolder_ExitsTwoSayingSo()
    {
        var run = CliRun.Of("query", "--rules", "/no/such/rules", "--date", "2013-03-01", "--designation", "met-2002-security");
        Assert.Equal(2, run.ExitCode);
        Assert.Equal("powers: bad input: the rules folder '/no/such/rules' does not exist" + Environment.NewLine, run.Problems);
        Assert.Equal(string.Empty, run.Body);
    }

    [Fact]
    public void Query_NdjsonFileWithTextFormat_ExitsTwoNamingBoth()
    {
        string path = Path.GetTempFileName() + ".ndjson";
        try
        {
            File.WriteAllText(path, """{"date":"2013-03-01","designation":"met-2002-security"}""" + "\n");
            var run = CliRun.Of("query", "--input", path, "--format", "text");
            Assert.Equal(2, run.ExitCode);
            Assert.Equal("powers: bad input: --format: text shows one decision; NDJSON input ('" + path + "') is answered line by line: use --format json or --format outcomes" + Environment.NewLine, run.Problems);
            Assert.Equal(string.Empty, run.Body);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Query_NdjsonStdinWithTextFormat_ExitsTwoNamingBoth()
    {
        string input = """{"date":"2013-03-01","designation":"met-2002-security"}""" + "\n" + """{"date":"2003-03-01","designation":"met-2002-security"}""" + "\n";
        var run = CliRun.WithInput(input, "query", "--input", "-", "--format", "text");
        Assert.Equal(2, run.ExitCode);
        Assert.Equal("powers: bad input: --format: text shows one decision; NDJSON input ('-') is answered line by line: use --format json or --format outcomes" + Environment.NewLine, run.Problems);
        Assert.Equal(string.Empty, run.Body);
    }

    [Fact]
    public void Query_NdjsonWithoutFormat_WritesJsonLines()
    {
        // Only an explicit --format text is refused; NDJSON's own default is the JSON decision per line.
        var run = CliRun.WithInput("""{"date":"2013-03-01","designation":"met-2002-security"}""" + "\n", "query", "--input", "-", "--ndjson");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal("2013-03-01", (string?)JObject.Parse(run.Out.Split('\n')[0])["date"]);
    }

    [Fact]
    public void Query_FileWithBadValue_PointsAtItMsBuildStyle()
    {
        string path = Path.GetTempFileName() + ".json";
        try
        {
            File.WriteAllText(path, "{\n  \"date\": \"2013-03-01\",\n  \"designation\": \"met-2002-security\",\n  \"facts\": { \"searchOf\": \"pocket\", \"constablePresent\": true }\n}\n");
            var run = CliRun.Of("query", "--input", path);
            Assert.Equal(2, run.ExitCode);
            Assert.Equal(
                path + "(4,26): error: facts.searchOf: 'pocket' is not one of 'vehicle', 'item-carried', 'person'" + Environment.NewLine
                + path + "(4,36): error: facts.constablePresent: unknown fact 'constablePresent'; did you mean 'constableInCompany'?" + Environment.NewLine,
                run.Problems);
            Assert.Equal(string.Empty, run.Body);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
