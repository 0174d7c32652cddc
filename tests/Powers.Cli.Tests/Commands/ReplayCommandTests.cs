using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using Powers.Hosting;

namespace Powers.Cli.Tests.Commands;

public sealed class ReplayCommandTests : IDisposable
{
    // Road checks (PRA 2002 Sch. 4 para. 13) on 2013-03-01 for met-2002-security, where road-check is a standard
    // power (SI 2007/3202). The shipped rules limit it to the police area, a reading marked low confidence.
    private const string OutsideArea = """{"date":"2013-03-01","designation":"met-2002-security","facts":{"inUniform":true,"roadCheckAuthorised":true,"inPoliceArea":false}}""";
    private const string InsideArea = """{"date":"2013-03-01","designation":"met-2002-security","facts":{"inUniform":true,"roadCheckAuthorised":true,"inPoliceArea":true}}""";
    private const string OutOfUniform = """{"date":"2013-03-01","designation":"met-2002-security","facts":{"inUniform":false,"roadCheckAuthorised":true,"inPoliceArea":false}}""";
    private const string AreaUnknown = """{"date":"2013-03-01","designation":"met-2002-security","facts":{"inUniform":true,"roadCheckAuthorised":true}}""";

    // An ad-hoc designation made before 15 Dec 2017, decided after it: SI 2017/1139's transitional rules keep the
    // old scheme's powers for it (reasonable force to detain among them), which a designation made on the query's
    // date does not have (Sch. 3B, not-in-force).
    private const string MadeBeforeReform = """{"date":"2018-03-01","designation":{"force":"kent","powers":["detain-pending-constable","reasonable-force-to-detain","require-name-and-address"],"made":"2016-01-01"},"facts":{"inUniform":true}}""";

    // A restriction the chief officer attached (PRA s.38(7)): name and address only while the person does not make off.
    private const string Restricted = """{"date":"2013-03-01","designation":{"force":"kent","powers":["require-name-and-address","road-check"],"restrictions":[{"id":"calm","when":"not personMakingOff","text":"Only while the person stays.","powers":["require-name-and-address"]}]},"facts":{"inUniform":true,"inPoliceArea":true,"suspectedConduct":"relevant-offence","personMakingOff":true}}""";

    private readonly string _directory = Directory.CreateTempSubdirectory("powers-replay").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Replay_RecordsAgainstTheLibraryTheyName_NothingChangesExitsZero()
    {
        var (path, _) = Record(OutsideArea, InsideArea, OutOfUniform);

        var run = CliRun.Of("replay", path);

        Assert.Equal(string.Empty, run.Problems);
        Assert.Equal(0, run.ExitCode);
        Assert.Equal("3 replayed, 0 changed (0 power outcomes)" + Environment.NewLine, run.Body);
    }

    [Fact]
    public void Replay_AdHocDesignationMadeBeforeTheReform_NothingChanges()
    {
        var (path, _) = Record(MadeBeforeReform);

        var run = CliRun.Of("replay", path);

        Assert.Equal(string.Empty, run.Problems);
        Assert.Equal("1 replayed, 0 changed (0 power outcomes)" + Environment.NewLine, run.Body);
        Assert.Equal(0, run.ExitCode);
    }

    [Fact]
    public void Replay_AdHocDesignationWithRestrictions_NothingChanges()
    {
        var (path, _) = Record(Restricted);

        var run = CliRun.Of("replay", path);

        Assert.Equal(string.Empty, run.Problems);
        Assert.Equal("1 replayed, 0 changed (0 power outcomes)" + Environment.NewLine, run.Body);
        Assert.Equal(0, run.ExitCode);
    }

    [Theory]
    [InlineData("json")]
    [InlineData("text")]
    public void Replay_OneRecordById_PrintsTheDecisionPowersQueryPrintsForTheRecordedQuery(string format)
    {
        var (path, ids) = Record(InsideArea, MadeBeforeReform, Restricted);
        string query = Path.Combine(_directory, "query.json");
        File.WriteAllText(query, JObject.Parse(File.ReadAllLines(path)[1])["query"]!.ToString());

        var replay = CliRun.Of("replay", path, "--id", ids[1], "--format", format);
        var direct = CliRun.Of("query", "--input", query, "--format", format);

        Assert.Equal(string.Empty, replay.Problems);
        Assert.Equal(0, replay.ExitCode);
        Assert.Equal(0, direct.ExitCode);
        if (format == "json")
        {
            Assert.True(JToken.DeepEquals(JToken.Parse(direct.Out), JToken.Parse(replay.Out)), replay.Out);
        }
        else
        {
            Assert.Equal(direct.Out, replay.Out);
        }
    }

    [Fact]
    public void Replay_IdOfNoRecord_ExitsTwoNamingIt()
    {
        var (path, _) = Record(InsideArea);

        var run = CliRun.Of("replay", path, "--id", "019aab6c-0000-7000-8000-000000000000");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("powers: bad input: --id: no record of decision 019aab6c-0000-7000-8000-000000000000 in " + path + Environment.NewLine, run.Error);
    }

    [Fact]
    public void Replay_CorrectedRule_ReportsExactlyTheDecisionsItChanges()
    {
        var (path, ids) = Record(OutsideArea, InsideArea, OutOfUniform, AreaUnknown);
        using var corrected = new TempLibrary();
        RemoveRoadCheckAreaLimit(corrected);

        var run = CliRun.Of("replay", path, "--rules", corrected.Root, "--format", "json");

        Assert.Equal(string.Empty, run.Problems);
        Assert.Equal(1, run.ExitCode);
        var report = JObject.Parse(run.Body);
        Assert.Equal(4, (int)report["replayed"]!);
        // Without the area limit, only uniform (RTA 1988 s. 163) and the PACE s. 4 authorisation remain: the
        // records outside the area and with the area unknown become permitted; out of uniform stays denied.
        Assert.Equal(
            [(ids[0], "road-check", "denied", "permitted"), (ids[3], "road-check", "undetermined", "permitted")],
            report["changed"]!.Select(c => ((string)c["id"]!, (string)c["power"]!, (string)c["was"]!, (string)c["now"]!)).ToArray());
    }

    [Fact]
    public void Replay_CorrectedRuleText_ListsEachChangeAndTheTotals()
    {
        var (path, ids) = Record(OutsideArea, InsideArea);
        using var corrected = new TempLibrary();
        RemoveRoadCheckAreaLimit(corrected);

        var run = CliRun.Of("replay", path, "--rules", corrected.Root);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(
            ids[0] + " road-check: denied -> permitted" + Environment.NewLine + "2 replayed, 1 changed (1 power outcomes)" + Environment.NewLine,
            run.Body);
    }

    [Fact]
    public void Replay_RecordOfAnotherLibraryVersion_ExitsTwoNamingTheHash()
    {
        var (path, _) = Record(InsideArea);
        string line = File.ReadAllText(path).Trim();
        string sha = (string)JObject.Parse(line)["ruleset"]!["sha256"]!;
        File.WriteAllText(path, line.Replace(sha, new string('0', 64), StringComparison.Ordinal) + "\n");

        var run = CliRun.Of("replay", path);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(
            "powers: bad input: " + path + "(1): the record was decided under pra2002-sch4@2012-07-10 sha256 " + new string('0', 64)
                + ", but this library's pra2002-sch4@2012-07-10 is sha256 " + sha + "; give the library it names with --rules DIR" + Environment.NewLine,
            run.Problems);
        Assert.Equal("0 replayed, 0 changed (0 power outcomes)" + Environment.NewLine, run.Body);
    }

    [Fact]
    public void Replay_MalformedLine_ExitsTwoAndReplaysTheRest()
    {
        var (path, _) = Record(InsideArea);
        File.AppendAllText(path, "{\"decisionId\":\n");

        var run = CliRun.Of("replay", path);

        Assert.Equal(2, run.ExitCode);
        // Where the JSON breaks, in the tool's own words: no "LineNumber: 0 | BytePositionInLine: 14" from System.Text.Json.
        Assert.Equal("powers: bad input: " + path + "(2): not a JSON record: the line ends inside a value (column 15)" + Environment.NewLine, run.Problems);
        Assert.Equal("1 replayed, 0 changed (0 power outcomes)" + Environment.NewLine, run.Body);
    }

    [Fact]
    public void Replay_LineThatIsNotJson_NamesTheColumnWithoutTheParsersPosition()
    {
        var (path, _) = Record(InsideArea);
        File.AppendAllText(path, "{\"decisionId\": yes}\n");

        var run = CliRun.Of("replay", path);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("powers: bad input: " + path + "(2): not a JSON record: 'y' is an invalid start of a value (column 16)" + Environment.NewLine, run.Error);
    }

    [Theory]
    [InlineData("decisionId", "5", "decisionId: expected a decision id (a UUID string), not a number")]
    [InlineData("decisionId", "\"not-an-id\"", "decisionId: 'not-an-id' is not a decision id (a UUID)")]
    [InlineData("date", "20130301", "date: expected a date (a yyyy-MM-dd string), not a number")]
    [InlineData("ruleset", "[]", "ruleset: expected an object or null, not an array")]
    [InlineData("designation", "7", "designation: expected a designation id (a string) or an ad-hoc designation (an object), not a number")]
    [InlineData("facts", "\"none\"", "facts: expected an object, not a string")]
    [InlineData("query", "[]", "query: expected a query document (an object), not an array")]
    [InlineData("outcomes", "{\"road-check\":5}", "outcomes.road-check: expected an outcome name (a string), not a number")]
    [InlineData("outcomes", "{\"road-check\":\"maybe\"}", "outcomes.road-check: 'maybe' is not an outcome (permitted, denied, undetermined, not-designated, not-in-force)")]
    [InlineData("lowConfidence", "\"road-check\"", "lowConfidence: expected an array of power ids, not a string")]
    public void Replay_WrongTypedField_ExitsTwoNamingTheFieldAndLine(string field, string json, string message)
    {
        var (path, _) = Record(InsideArea);
        var record = JObject.Parse(File.ReadAllText(path));
        record[field] = JToken.Parse(json);
        File.WriteAllText(path, record.ToString(Newtonsoft.Json.Formatting.None) + "\n");

        var run = CliRun.Of("replay", path);

        Assert.Equal("powers: bad input: " + path + "(1): " + message + Environment.NewLine, run.Error);
        Assert.Equal(2, run.ExitCode);
    }

    [Theory]
    [InlineData("ruleset", "sha256", "5", "ruleset.sha256: expected a string, not a number")]
    [InlineData("ruleset", "id", "true", "ruleset.id: expected a string, not true")]
    public void Replay_WrongTypedRuleSetMember_ExitsTwoNamingTheField(string field, string member, string json, string message)
    {
        var (path, _) = Record(InsideArea);
        var record = JObject.Parse(File.ReadAllText(path));
        record[field]![member] = JToken.Parse(json);
        File.WriteAllText(path, record.ToString(Newtonsoft.Json.Formatting.None) + "\n");

        var run = CliRun.Of("replay", path);

        Assert.Equal("powers: bad input: " + path + "(1): " + message + Environment.NewLine, run.Error);
        Assert.Equal(2, run.ExitCode);
    }

    [Fact]
    public void Replay_ControlCharactersInARecordedPower_PrintedEscaped()
    {
        var (path, ids) = Record(InsideArea);
        var record = JObject.Parse(File.ReadAllText(path));
        // An escape sequence that would clear the terminal, and a line break that would forge a report line.
        ((JObject)record["outcomes"]!).Add("road-check\u001b[2J\n0 replayed", "denied");
        File.WriteAllText(path, record.ToString(Newtonsoft.Json.Formatting.None) + "\n");

        var run = CliRun.Of("replay", path);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(
            ids[0] + " road-check\\u001B[2J\\n0 replayed: denied -> (absent)" + Environment.NewLine + "1 replayed, 1 changed (1 power outcomes)" + Environment.NewLine,
            run.Body);
    }

    [Fact]
    public void Replay_MissingFile_ExitsTwo()
    {
        var run = CliRun.Of("replay", Path.Combine(_directory, "absent.ndjson"));

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("powers: bad input: RECORDS: cannot read '", run.Problems, StringComparison.Ordinal);
    }

    /// <summary>Decides each query in Powers.Hosting with records on, so the file is what a host writes.</summary>
    private (string Path, string[] Ids) Record(params string[] queries)
    {
        string path = Path.Combine(_directory, "decisions.ndjson");
        var services = new ServiceCollection();
        services.AddPowers(o => { o.RecordDecisions = true; o.DecisionRecordsPath = path; });
        var ids = new string[queries.Length];
        using (var provider = services.BuildServiceProvider())
        {
            var powers = provider.GetRequiredService<IPowersService>();
            for (int i = 0; i < queries.Length; i++)
            {
                var answer = powers.Decide(queries[i]);
                Assert.True(answer.Succeeded);
                ids[i] = answer.DecisionId;
            }
        }

        return (path, ids);
    }

    /// <summary>The correction under review: road checks have no police-area limit (the clause is deleted from the version that defines it).</summary>
    private static void RemoveRoadCheckAreaLimit(TempLibrary library)
    {
        // Road checks are defined in 2002-12-02 and inherited by every version up to 2017.
        string file = library.PathOf("pra2002/2002-12-02.json");
        var version = JObject.Parse(File.ReadAllText(file));
        var clauses = (JArray)version["powers"]!["road-check"]!["clauses"]!;
        clauses.Single(c => (string?)c["id"] == "police-area").Remove();
        version["revision"] = (int)version["revision"]! + 1;
        File.WriteAllText(file, version.ToString());
    }
}
