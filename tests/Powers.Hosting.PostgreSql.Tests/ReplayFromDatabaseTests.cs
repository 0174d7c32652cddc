using System.Reflection;
using Newtonsoft.Json.Linq;
using Powers.Cli;
using Powers.Compilation;

namespace Powers.Hosting.PostgreSql.Tests;

[Collection(PostgresServer.Name)]
public sealed class ReplayFromDatabaseTests : IDisposable
{
    // Road checks (PRA 2002 Sch. 4 para. 13) on 2013-03-01 for met-2002-security, where road-check is a standard
    // power (SI 2007/3202). The shipped rules limit it to the police area, a reading marked low confidence.
    private const string OutsideArea = """{"date":"2013-03-01","designation":"met-2002-security","facts":{"inUniform":true,"roadCheckAuthorised":true,"inPoliceArea":false}}""";
    private const string InsideArea = """{"date":"2013-03-01","designation":"met-2002-security","facts":{"inUniform":true,"roadCheckAuthorised":true,"inPoliceArea":true}}""";
    private const string AdHocOutsideArea = """{"date":"2013-03-01","designation":{"force":"kent","powers":["road-check"]},"facts":{"inUniform":true,"roadCheckAuthorised":true,"inPoliceArea":false}}""";

    private static readonly string Rules = Path.GetFullPath(
        typeof(ReplayFromDatabaseTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RulesDirectory").Value!);

    private readonly string _corrected = Directory.CreateTempSubdirectory("powers-corrected").FullName;

    public void Dispose() => Directory.Delete(_corrected, recursive: true);

    [PostgresFact]
    public async Task Replay_DatabaseAgainstACorrectedRule_ReportsTheDecisionsItChanges()
    {
        string[] ids;
        string table;
        await using (var host = await RecordingHost.StartAsync())
        {
            ids = [.. new[] { OutsideArea, InsideArea, AdHocOutsideArea }.Select(q => host.Powers.Decide(q).DecisionId)];
            table = host.Table;
        }

        CopyWithoutRoadCheckAreaLimit();
        var (exit, output, error) = Run("replay", "--connection", Postgres.Required, "--table", table, "--rules", _corrected, "--format", "json");

        Assert.Equal("library: " + _corrected + Environment.NewLine, error);
        Assert.Equal(1, exit);
        var report = JObject.Parse(output);
        Assert.Equal(3, (int)report["replayed"]!);
        // Without the area limit, uniform (RTA 1988 s. 163) and the PACE s. 4 authorisation permit the road check.
        Assert.Equal(
            [(ids[0], "road-check", "denied", "permitted"), (ids[2], "road-check", "denied", "permitted")],
            report["changed"]!.Select(c => ((string)c["id"]!, (string)c["power"]!, (string)c["was"]!, (string)c["now"]!)).ToArray());
    }

    [PostgresFact]
    public async Task Replay_DatabaseAgainstTheLibraryItNames_NothingChanges()
    {
        string table;
        await using (var host = await RecordingHost.StartAsync())
        {
            host.Powers.Decide(OutsideArea);
            host.Powers.Decide(AdHocOutsideArea);
            table = host.Table;
        }

        var (exit, output, error) = Run("replay", "--connection", Postgres.Required, "--table", table);

        Assert.Equal(string.Empty, error);
        Assert.Equal(0, exit);
        Assert.Equal(EmbeddedLibraryLine + "2 replayed, 0 changed (0 power outcomes)" + Environment.NewLine, output);
    }

    [PostgresFact]
    public async Task Replay_OneRecordById_PrintsTheDecisionPowersQueryPrintsForTheRecordedQuery()
    {
        const string MadeBeforeReform = """{"date":"2018-03-01","designation":{"force":"kent","powers":["detain-pending-constable","reasonable-force-to-detain"],"made":"2016-01-01"},"facts":{"inUniform":true}}""";
        string id;
        string table;
        await using (var host = await RecordingHost.StartAsync())
        {
            host.Powers.Decide(OutsideArea);
            id = host.Powers.Decide(MadeBeforeReform).DecisionId;
            table = host.Table;
        }

        string query = Path.Combine(_corrected, "query.json");
        File.WriteAllText(query, JObject.Parse(Postgres.Scalar<string>($"SELECT record FROM {table} WHERE id = '{id}'"))["query"]!.ToString());
        var replay = Run("replay", "--connection", Postgres.Required, "--table", table, "--id", id, "--format", "json");
        var direct = Run("query", "--input", query, "--format", "json");

        Assert.Equal(EmbeddedLibraryLine, replay.Error);
        Assert.Equal(0, replay.Exit);
        Assert.True(JToken.DeepEquals(JToken.Parse(direct.Out), JToken.Parse(replay.Out)), replay.Out);
    }

    /// <summary>The line replay starts with (on standard error for JSON): the embedded library, which the records name.</summary>
    internal static string EmbeddedLibraryLine => "library: embedded (sha256 " + LibraryHash.Of(LibraryFiles.Embedded()) + ")" + Environment.NewLine;

    private static (int Exit, string Out, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int exit = PowersCli.Run(args, new CliConsole(output, error, new StringReader(string.Empty), ErrorIsTerminal: false));
        return (exit, output.ToString(), error.ToString());
    }

    /// <summary>The correction under review: road checks have no police-area limit (the clause is deleted from the version that defines it).</summary>
    private void CopyWithoutRoadCheckAreaLimit()
    {
        foreach (string file in Directory.GetFiles(Rules, "*", SearchOption.AllDirectories))
        {
            string target = Path.Combine(_corrected, Path.GetRelativePath(Rules, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        // Road checks are defined in 2002-12-02 and inherited by every version up to 2017.
        string version = Path.Combine(_corrected, "pra2002/2002-12-02.json");
        var json = JObject.Parse(File.ReadAllText(version));
        ((JArray)json["powers"]!["road-check"]!["clauses"]!).Single(c => (string?)c["id"] == "police-area").Remove();
        json["revision"] = (int)json["revision"]! + 1;
        File.WriteAllText(version, json.ToString());
    }
}
