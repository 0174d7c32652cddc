using Powers.Evaluation;
using Powers.Model;
using Powers.Queries;
using Powers.Tests.TestSupport;

namespace Powers.Tests.Queries;

/// <summary>Ad-hoc designations in a query may set out restrictions, as stored ones do (issue 9, finding 5: para. 4(1)(b), (3)).</summary>
public class QueryRestrictionReaderTests
{
    private static readonly RuleLibrary Library = Powers.Compilation.LibraryCompiler.CompileDirectory(RepositoryRules.Directory).ThrowIfFailed();

    private static (Query? Query, List<QueryError> Errors) Read(string json)
    {
        var errors = new List<QueryError>();
        var query = QueryReader.Parse(Library, json, errors);
        return (query, errors);
    }

    private const string Kent2010 = """{ "date": "2010-06-01", "designation": { "force": "kent", "powers": ["road-check"], "restrictions": [ RESTRICTIONS ] }, "facts": { "inUniform": true, "inPoliceArea": true, "roadCheckAuthorised": true } }""";

    [Fact]
    public void Read_Restriction_AppliesToThePowersItNames()
    {
        var (query, errors) = Read(Kent2010.Replace("RESTRICTIONS", """{ "id": "motorways-only", "when": "constableInCompany", "text": "Only with a constable.", "powers": ["road-check"] }""", StringComparison.Ordinal));
        Assert.Empty(errors);
        var decision = new PowersEngine(Library).Decide(query!);
        var road = decision.Find("road-check")!;
        Assert.Equal(Outcome.Undetermined, road.Outcome);
        Assert.Contains(road.Clauses, c => c.Clause.Id == "motorways-only" && c.Clause.Origin == ClauseOrigin.Restriction);
    }

    [Fact]
    public void Read_RestrictionOnTheCataloguesFirstPower_AppliesToIt()
    {
        // The chief officer's restriction (PRA s.38(7)) binds every power it names, the catalogue's first one included
        // (index 0): one that cannot hold denies it.
        Assert.Equal(0, Library.IndexOfPower("issue-penalty-notice-disorder"));
        string json = """{ "date": "2010-06-01", "designation": { "force": "kent", "powers": ["issue-penalty-notice-disorder"], "restrictions": [ { "id": "never", "when": "false", "text": "Not this power.", "powers": ["issue-penalty-notice-disorder"] } ] }, "facts": { "inUniform": true } }""";

        var (query, errors) = Read(json);

        Assert.Empty(errors);
        Assert.Equal("issue-penalty-notice-disorder", Assert.Single(Assert.Single(query!.Designation.Restrictions).Powers!));
        var power = new PowersEngine(Library).Decide(query).Find("issue-penalty-notice-disorder")!;
        Assert.Equal(Outcome.Denied, power.Outcome);
        Assert.Contains(power.Clauses, c => c.Clause.Id == "never" && c.Status == Tri.False);
    }

    [Fact]
    public void Read_TwoQueriesWithDifferentRestrictions_DoNotShareAPlan()
    {
        // The engine caches plans; a restriction that fails must not be lost to a plan built without it.
        var engine = new PowersEngine(Library);
        var free = Read(Kent2010.Replace("RESTRICTIONS", string.Empty, StringComparison.Ordinal)).Query!;
        var barred = Read(Kent2010.Replace("RESTRICTIONS", """{ "id": "never", "when": "false", "text": "Not this power.", "powers": ["road-check"] }""", StringComparison.Ordinal)).Query!;
        Assert.Equal(Outcome.Permitted, engine.Decide(free).Find("road-check")!.Outcome);
        Assert.Equal(Outcome.Denied, engine.Decide(barred).Find("road-check")!.Outcome);
    }

    [Fact]
    public void EngineRead_FastPathMeetsRestrictions_NeverDropsThem()
    {
        // The fast path resolves restrictions through the document reader; it must never read such a query without them.
        var engine = new PowersEngine(Library);
        string barred = Kent2010.Replace("RESTRICTIONS", """{ "id": "never", "when": "false", "text": "Not this power.", "powers": ["road-check"] }""", StringComparison.Ordinal);
        var result = engine.Read(barred.AsSpan());
        Assert.True(result.Succeeded);
        Assert.Equal(Outcome.Denied, engine.Decide(result.Query!).Find("road-check")!.Outcome);
        var fromBytes = engine.Read(System.Text.Encoding.UTF8.GetBytes(barred).AsSpan());
        Assert.Equal(Outcome.Denied, engine.Decide(fromBytes.Query!).Find("road-check")!.Outcome);
    }

    [Fact]
    public void Read_MisspelledFactInWhen_ErrorNamesTheFieldAndColumn()
    {
        var (query, errors) = Read(Kent2010.Replace("RESTRICTIONS", """{ "id": "r", "when": "inUniform and constablePresnt", "text": "T." }""", StringComparison.Ordinal));
        Assert.Null(query);
        var error = Assert.Single(errors);
        Assert.Equal("designation.restrictions[0].when", error.Field);
        Assert.Equal("Unknown fact 'constablePresnt'; did you mean 'constableInCompany'? (PWR0201, column 15 of the expression)", error.Message);
    }

    [Fact]
    public void Read_RestrictionWithoutText_ErrorNamesTheField()
    {
        var (query, errors) = Read(Kent2010.Replace("RESTRICTIONS", """{ "id": "r", "when": "true", "power": ["cordon"] }""", StringComparison.Ordinal));
        Assert.Null(query);
        Assert.Contains(errors, e => e.Field == "designation.restrictions[0].text" && e.Message == "is required");
        Assert.Contains(errors, e => e.Field == "designation.restrictions[0].power" && e.Message == "unknown property; did you mean 'powers'?");
    }
}
