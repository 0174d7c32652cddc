using Powers.Evaluation;
using Powers.Model;
using Powers.Queries;
using Powers.Text;
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
        string json = Kent2010.Replace("RESTRICTIONS", """{ "id": "r", "when": "inUniform and constablePresnt", "text": "T." }""", StringComparison.Ordinal);
        var (query, errors) = Read(json);
        Assert.Null(query);
        var error = Assert.Single(errors);
        Assert.Equal("designation.restrictions[0].when", error.Field);
        Assert.Equal("Unknown fact 'constablePresnt'; did you mean 'constableInCompany'? (PWR0201, column 15 of the expression)", error.Message);
        // The error points at the condition's string in the document, quotes included, so an editor can underline it.
        const string condition = "\"inUniform and constablePresnt\"";
        Assert.Equal(new TextSpan(json.IndexOf(condition, StringComparison.Ordinal), condition.Length), error.Span);
    }

    [Fact]
    public void Read_RestrictionWithoutText_ErrorNamesTheField()
    {
        var (query, errors) = Read(Kent2010.Replace("RESTRICTIONS", """{ "id": "r", "when": "true", "power": ["cordon"] }""", StringComparison.Ordinal));
        Assert.Null(query);
        Assert.Contains(errors, e => e.Field == "designation.restrictions[0].text" && e.Message == "is required");
        Assert.Contains(errors, e => e.Field == "designation.restrictions[0].power" && e.Message == "unknown property; did you mean 'powers'?");
    }

    [Fact]
    public void Read_RestrictionNamingOnePower_BindsThatPowerOnly()
    {
        // docs/contract.md: restrictions apply "to the listed powers (or every power)": one naming road-check leaves
        // the designation's other power free of it.
        string json = """{ "date": "2010-06-01", "designation": { "force": "kent", "powers": ["road-check", "issue-penalty-notice-disorder"], "restrictions": [ { "id": "never", "when": "false", "text": "Not this power.", "powers": ["road-check"] } ] }, "facts": { "inUniform": true, "inPoliceArea": true, "roadCheckAuthorised": true } }""";

        var (query, errors) = Read(json);

        Assert.Empty(errors);
        Assert.Equal(["road-check"], Assert.Single(query!.Designation.Restrictions).Powers!);
        var decision = new PowersEngine(Library).Decide(query);
        Assert.Equal(Outcome.Denied, decision.Find("road-check")!.Outcome);
        Assert.DoesNotContain(decision.Find("issue-penalty-notice-disorder")!.Clauses, c => c.Clause.Id == "never");
    }

    [Fact]
    public void Read_RestrictionWithCite_ClauseCitesIt()
    {
        var (query, errors) = Read(Kent2010.Replace("RESTRICTIONS", """{ "id": "r", "when": "constableInCompany", "text": "Only with a constable.", "cite": "Chief officer's order 12", "powers": ["road-check"] }""", StringComparison.Ordinal));

        Assert.Empty(errors);
        var clause = Assert.Single(query!.Designation.Restrictions).Clause;
        Assert.Equal(("Chief officer's order 12", "Only with a constable.", "r"), (clause.Cite, clause.Text, clause.Id));
    }

    [Fact]
    public void Read_RestrictionWithoutCite_ClauseCitesNothing()
    {
        var (query, errors) = Read(Kent2010.Replace("RESTRICTIONS", """{ "id": "r", "when": "constableInCompany", "text": "T." }""", StringComparison.Ordinal));

        Assert.Empty(errors);
        var restriction = Assert.Single(query!.Designation.Restrictions);
        Assert.Equal(string.Empty, restriction.Clause.Cite);
        Assert.Null(restriction.Powers); // no "powers": every power
    }

    [Fact]
    public void Read_Restriction_ClauseWrittenAtItsWhenField()
    {
        // Clause.Location ("where it is written") of a restriction: its when, as the JSON string it was given in,
        // named by its field; the span is the expression inside the quotes.
        var (query, errors) = Read(Kent2010.Replace("RESTRICTIONS", """{ "id": "a", "when": "true", "text": "T." }, { "id": "b", "when": "constableInCompany", "text": "U." }""", StringComparison.Ordinal));

        Assert.Empty(errors);
        var location = query!.Designation.Restrictions[1].Clause.Location;
        Assert.Equal("designation.restrictions[1].when", location.Path);
        Assert.Equal("\"constableInCompany\"", location.Source.Text);
        Assert.Equal("constableInCompany", location.Source.GetText(location.Span));
    }

    [Theory]
    [InlineData("""{ "when": "true", "text": "T." }""", "designation.restrictions[0].id")]
    [InlineData("""{ "id": "r", "text": "T." }""", "designation.restrictions[0].when")]
    [InlineData("""{ "id": "r", "when": "true" }""", "designation.restrictions[0].text")]
    [InlineData("""{ "id": " ", "when": "true", "text": "T." }""", "designation.restrictions[0].id")]
    [InlineData("""{ "id": "r", "when": "", "text": "T." }""", "designation.restrictions[0].when")]
    [InlineData("""{ "id": "r", "when": "true", "text": "\t" }""", "designation.restrictions[0].text")]
    public void Read_RestrictionFieldMissingOrBlank_OneErrorIsRequired(string restriction, string field)
    {
        var (query, errors) = Read(Kent2010.Replace("RESTRICTIONS", restriction, StringComparison.Ordinal));

        Assert.Null(query);
        var error = Assert.Single(errors);
        Assert.Equal(("PQ0005", field, "is required"), (error.Code, error.Field, error.Message));
    }

    [Fact]
    public void Read_TwoRestrictionsWithoutIds_EachIdRequiredNeitherADuplicate()
    {
        // PQ0112 is for an id an earlier restriction has (docs/contract.md); a missing id is no id, so not a duplicate.
        var (query, errors) = Read(Kent2010.Replace("RESTRICTIONS", """{ "when": "true", "text": "T." }, { "when": "false", "text": "U." }""", StringComparison.Ordinal));

        Assert.Null(query);
        Assert.Equal(
            [("PQ0005", "designation.restrictions[0].id"), ("PQ0005", "designation.restrictions[1].id")],
            errors.Select(e => (e.Code, e.Field)));
    }

    [Theory]
    [InlineData("""{ "id": 7, "when": "true", "text": "T." }""", "designation.restrictions[0].id", "must be a string, not a number")]
    [InlineData("""{ "id": "r", "when": true, "text": "T." }""", "designation.restrictions[0].when", "must be a string, not a boolean")]
    [InlineData("""{ "id": "r", "when": "true", "text": "T.", "powers": "road-check" }""", "designation.restrictions[0].powers", "must be an array of power ids, not a string")]
    [InlineData("""{ "id": "r", "when": "true", "text": "T.", "powers": ["road-check", 7] }""", "designation.restrictions[0].powers[1]", "must be a power id, not a number")]
    [InlineData("""{ "id": "r", "when": "true", "text": "T.", "powers": [null] }""", "designation.restrictions[0].powers[0]", "must be a power id, not null")]
    public void Read_RestrictionFieldOfTheWrongType_OneErrorNamingTheType(string restriction, string field, string message)
    {
        var (query, errors) = Read(Kent2010.Replace("RESTRICTIONS", restriction, StringComparison.Ordinal));

        Assert.Null(query);
        var error = Assert.Single(errors);
        Assert.Equal(("PQ0002", field, message), (error.Code, error.Field, error.Message));
    }

    [Fact]
    public void Read_WhenThatDoesNotParse_ErrorGivesTheDiagnosticIdAndColumn()
    {
        var (query, errors) = Read(Kent2010.Replace("RESTRICTIONS", """{ "id": "r", "when": "inUniform # true", "text": "T." }""", StringComparison.Ordinal));

        Assert.Null(query);
        var error = Assert.Single(errors);
        Assert.Equal(("PQ0113", "designation.restrictions[0].when"), (error.Code, error.Field));
        // PWR0101's message ("Unexpected character '{0}' in expression"), its id, and the '#' at the 11th character.
        Assert.Equal("Unexpected character '#' in expression (PWR0101, column 11 of the expression)", error.Message);
    }
}
