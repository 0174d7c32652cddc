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
}
