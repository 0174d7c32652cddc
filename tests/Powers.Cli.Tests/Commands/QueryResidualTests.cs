using Newtonsoft.Json.Linq;

namespace Powers.Cli.Tests.Commands;

public class QueryResidualTests
{
    private static readonly string[] Args =
    [
        "query", "--date", "2013-01-01", "--designation", "met-2002-security", "--fact", "inUniform=true",
        "--fact", "terrorismAuthorisation=s47a", "--fact", "authorisationAgeHours=50", "--fact", "inPoliceArea=true",
        "--fact", "searchOf=person", "--power", "stop-search-authorised-area",
    ];

    [Fact]
    public void Query_SearchOfThePerson_DeniedWithNoResidual()
    {
        // PRA Sch. 4 para. 15: never the person, whatever the missing facts (confirmation, constable) are.
        var run = CliRun.Of([.. Args, "--format", "json"]);
        Assert.Equal(0, run.ExitCode);
        var power = (JObject)((JArray)JObject.Parse(run.Out)["decisions"]!).Single(d => (string?)d["power"] == "stop-search-authorised-area");
        Assert.Equal("denied", (string?)power["outcome"]);
        Assert.Null(power["permittedIf"]);
        Assert.Null(power["example"]);
    }

    [Fact]
    public void Query_UndeterminedStopSearch_PermittedIfConfirmationAndConstableInJsonAndText()
    {
        // TA 2000 Sch. 6B para. 7(2): after 48 hours only a confirmed authorisation; PRA Sch. 4 para. 15: with a constable
        // (the s.47A(4) purpose is given).
        string[] args = ["query", "--date", "2013-01-01", "--designation", "met-2002-security", "--fact", "inUniform=true", "--fact", "terrorismAuthorisation=s47a", "--fact", "authorisationAgeHours=50", "--fact", "inPoliceArea=true", "--fact", "searchOf=vehicle", "--fact", "searchPurpose=terrorism-evidence", "--power", "stop-search-authorised-area"];
        var json = CliRun.Of([.. args, "--format", "json"]);
        var power = (JObject)((JArray)JObject.Parse(json.Out)["decisions"]!).Single(d => (string?)d["power"] == "stop-search-authorised-area");
        Assert.Equal("undetermined", (string?)power["outcome"]);
        Assert.Equal("authorisationConfirmed and constableInCompany", (string?)power["permittedIf"]);
        Assert.True((bool)power["example"]!["authorisationConfirmed"]!);
        Assert.True((bool)power["example"]!["constableInCompany"]!);

        var text = CliRun.Of(args);
        Assert.Contains("  permitted if authorisationConfirmed and constableInCompany (for example constableInCompany=true, authorisationConfirmed=true)", text.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Query_UnboundedResidual_OutcomesNeverExplainAndTextSaysTheSearchStopped()
    {
        // Issue 20: on this library (powers check passes it) outcomes took 30 s of CPU, spent searching for a permittedIf
        // nobody asked for; the text, which does explain, now says where its search stopped.
        string rules = Path.Combine(Path.GetTempPath(), "powers-unbounded-" + Guid.NewGuid().ToString("N"));
        try
        {
            Powers.TestSupport.UnboundedResidualLibrary.WriteTo(rules);
            string query = Path.Combine(rules, "query.json");
            File.WriteAllText(query, Powers.TestSupport.UnboundedResidualLibrary.Query);

            var outcomes = CliRun.Of("query", "--rules", rules, "--input", query, "--format", "outcomes");
            Assert.Equal(0, outcomes.ExitCode);
            Assert.Equal("undetermined", (string?)JObject.Parse(outcomes.Out)["entry-to-save-life"]);

            var text = CliRun.Of("query", "--rules", rules, "--input", query, "--power", "entry-to-save-life");
            Assert.Equal(0, text.ExitCode);
            Assert.Contains("  permitted if: not known (the search for it stopped after 4,000 steps (the analysis budget))", text.Out, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(rules, recursive: true);
        }
    }
}
