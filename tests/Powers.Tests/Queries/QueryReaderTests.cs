using Powers.Evaluation;
using Powers.Queries;
using Powers.TestSupport;

namespace Powers.Tests.Queries;

/// <summary>
/// The document reader's own part (docs/contract.md, "The query document"): which field a duplicate is named by, where
/// an error is placed, the flag helpers the command line uses, and its arguments. The resolver's messages are
/// <see cref="QueryResolverTests"/>'.
/// </summary>
public class QueryReaderTests
{
    private static readonly Powers.Model.RuleLibrary Library = ShippedLibrary.Instance;

    private const string Restrictions = """{ "date": "2010-06-01", "designation": { "force": "kent", "powers": ["road-check"], "restrictions": [ RESTRICTIONS ] } }""";

    // "a property given twice is an error naming the field", the field as flags and the other errors name it.
    [Theory]
    [InlineData("""{ "date": "2013-03-01", "date": "2013-03-02", "designation": "met-2002-security" }""", "date")]
    [InlineData("""{ "date": "2013-03-01", "d\u0061te": "2013-03-02", "designation": "met-2002-security" }""", "date")]
    [InlineData("""{ "date": "2013-03-01", "designation": { "force": "kent", "powers": [], "made": "2013-01-01", "made": "2013-01-02" } }""", "designation.made")]
    [InlineData("""{ "date": "2010-06-01", "designation": { "force": "kent", "powers": ["road-check"], "restrictions": [ { "id": "a", "when": "true", "text": "T." }, { "id": "b", "when": "true", "text": "T.", "text": "U." } ] } }""", "designation.restrictions[1].text")]
    [InlineData("""{ "date": "2013-03-01", "designation": "met-2002-security", "facts": { "inUniform": true, "searchOf": "vehicle", "searchOf": "person" } }""", "facts.searchOf")]
    public void Read_PropertyGivenTwice_OneErrorNamingItsField(string json, string field)
    {
        var error = Assert.Single(QueryReader.Read(Library, json).Errors);
        Assert.Equal(("PQ0004", field, "is given more than once; give it once"), (error.Code, error.Field, error.Message));
    }

    [Fact]
    public void Read_Errors_PlacedAtTheLineAndColumnOfTheirValue()
    {
        // Each error from a document carries the line and column of its span's start (1-based).
        string json = "{ \"date\": \"2013-02-30\",\n  \"designation\": \"met-2002-securty\" }";
        var errors = QueryReader.Read(Library, json).Errors;
        Assert.Equal(
            [("date", new Powers.Text.LinePosition(1, 11)), ("designation", new Powers.Text.LinePosition(2, 18))],
            errors.Select(e => (e.Field, e.Position!.Value)));
    }

    [Fact]
    public void Read_MissingDateWithNoSpan_HasNoPosition()
    {
        var error = Assert.Single(QueryReader.Read(Library, """{ "designation": "met-2002-security" }""").Errors);
        Assert.Null(error.Span);
        Assert.Null(error.Position);
    }

    [Fact]
    public void Read_SchemaProperty_Ignored()
    {
        var result = QueryReader.Read(Library, """{ "$schema": "https://example.org/query.json", "date": "2013-03-01", "designation": "met-2002-security" }""");
        Assert.True(result.Succeeded);
        Assert.Empty(result.Errors);
    }

    [Fact]
    public void Read_AdHocDesignation_EveryPowerItNamesFromTheFirstOfTheCatalogue()
    {
        Assert.Equal(0, Library.IndexOfPower("issue-penalty-notice-disorder"));
        var query = QueryReader.Read(Library, """{ "date": "2013-03-01", "designation": { "force": "kent", "powers": ["issue-penalty-notice-disorder", "road-check"], "made": "2012-01-01" } }""").Query!;
        Assert.Equal(["issue-penalty-notice-disorder", "road-check"], query.Designation.Powers.Order(StringComparer.Ordinal));
        Assert.Equal("kent", query.Designation.Force);
        Assert.Equal(new DateOnly(2012, 1, 1), query.Designation.Made);
    }

    [Fact]
    public void Read_TwoMistakes_BothReportedAndNoQuery()
    {
        var result = QueryReader.Read(Library, """{ "date": "2013-02-30", "designation": { "force": "kentt", "powers": ["cordn"] }, "facts": { "inUniform": "yes" } }""");
        Assert.False(result.Succeeded);
        Assert.Null(result.Query);
        Assert.Equal(["PQ0101", "PQ0106", "PQ0107", "PQ0002"], result.Errors.Select(e => e.Code));
    }

    [Fact]
    public void Read_RestrictionsNotAnArray_OneErrorNamingTheShape()
    {
        var error = Assert.Single(QueryReader.Read(Library, Restrictions.Replace("[ RESTRICTIONS ]", "{}", StringComparison.Ordinal)).Errors);
        Assert.Equal(("PQ0002", "designation.restrictions", "must be an array of { \"id\", \"when\", \"text\", \"powers\" }, not an object"), (error.Code, error.Field, error.Message));
    }

    [Fact]
    public void SetFactFromText_UnknownFact_ErrorWithoutASpan()
    {
        var errors = new List<QueryError>();
        QueryReader.SetFactFromText(Library.Schema, "constablePresent", "true", new Situation(Library.Schema), errors);
        var error = Assert.Single(errors);
        Assert.Equal(("PQ0108", "facts.constablePresent", "unknown fact 'constablePresent'; did you mean 'constableInCompany'?"), (error.Code, error.Field, error.Message));
        Assert.Null(error.Span);
    }

    [Fact]
    public void SetFactFromText_Number_StoredAsTheFactsValue()
    {
        var situation = new Situation(Library.Schema);
        var errors = new List<QueryError>();
        QueryReader.SetFactFromText(Library.Schema, "minutesDetained", "12", situation, errors);
        Assert.Empty(errors);
        Assert.Equal(12, situation.ValueAt(Library.Schema.Get("minutesDetained").Index));
    }

    [Fact]
    public void CheckForceAndPower_KnownTrueUnknownFalseWithTheResolversError()
    {
        var errors = new List<QueryError>();
        Assert.True(QueryReader.CheckForce(Library, "kent", "--force", errors));
        Assert.True(QueryReader.CheckPower(Library, "issue-penalty-notice-disorder", "--grant", errors)); // index 0
        Assert.Empty(errors);
        Assert.False(QueryReader.CheckForce(Library, "kents", "--force", errors));
        Assert.False(QueryReader.CheckPower(Library, "cordn", "--grant", errors));
        Assert.Equal([("PQ0106", "--force"), ("PQ0107", "--grant")], errors.Select(e => (e.Code, e.Field)));
    }

    [Fact]
    public void ParseDate_FlagText_DateOrErrorNamingTheFlag()
    {
        var errors = new List<QueryError>();
        Assert.Equal(new DateOnly(2013, 3, 1), QueryReader.ParseDate("2013-03-01", "--date", errors));
        Assert.Null(QueryReader.ParseDate("2013-3-1", "--date", errors));
        var error = Assert.Single(errors);
        Assert.Equal(("PQ0101", "--date", "'2013-3-1' is not a date; use YYYY-MM-DD, e.g. 2013-03-01"), (error.Code, error.Field, error.Message));
    }

    [Theory]
    [InlineData("pra2002-sch4@2012-07-10", "2019-01-01", null, "PQ0104")]
    [InlineData("pra2002-sch5", "2013-03-01", null, "PQ0102")]
    [InlineData("pra2002-sch4", "2013-03-01", "pra2002-sch4@2012-07-10", null)]
    [InlineData(null, "2013-03-01", "pra2002-sch4@2012-07-10", null)]
    [InlineData("pra2002-sch4@bill-2002-04-25", null, "pra2002-sch4@bill-2002-04-25", null)]
    [InlineData(null, null, null, "PQ0005")]
    public void ResolveVersion_FlagText_AsTheDocumentReaderResolvesIt(string? ruleset, string? day, string? version, string? code)
    {
        var errors = new List<QueryError>();
        DateOnly? date = day is null ? null : DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture);
        var resolved = QueryReader.ResolveVersion(Library, ruleset, date, day is not null, errors);
        Assert.Equal(version, resolved?.Id);
        // The fields a document names (a flag's caller renames them): 'ruleset' for the rule set's mistakes, 'date' when none is given.
        Assert.Equal((code, code is null ? null : code == "PQ0005" ? "date" : "ruleset"), (errors.SingleOrDefault()?.Code, errors.SingleOrDefault()?.Field));
    }

    [Fact]
    public void PublicEntries_NullArguments_ThrowNamingThem()
    {
        var errors = new List<QueryError>();
        var situation = new Situation(Library.Schema);
        var node = Powers.Syntax.Json.JsonParser.Parse(new Powers.Text.SourceText("q", "{}"), new Powers.Diagnostics.DiagnosticBag())!;
        Assert.Equal("library", Assert.Throws<ArgumentNullException>(() => QueryReader.Read(null!, "[")).ParamName); // before the text is read
        Assert.Equal("json", Assert.Throws<ArgumentNullException>(() => QueryReader.Read(Library, (string)null!)).ParamName);
        Assert.Equal("errors", Assert.Throws<ArgumentNullException>(() => QueryReader.Parse(Library, "{}", null!)).ParamName);
        Assert.Equal("library", Assert.Throws<ArgumentNullException>(() => QueryReader.Read(null!, node, errors)).ParamName);
        Assert.Equal("library", Assert.Throws<ArgumentNullException>(() => QueryReader.Read(null!, (Powers.Syntax.Json.JsonNode)null!, null!)).ParamName); // in order
        Assert.Equal("node", Assert.Throws<ArgumentNullException>(() => QueryReader.Read(Library, (Powers.Syntax.Json.JsonNode)null!, errors)).ParamName);
        Assert.Equal("errors", Assert.Throws<ArgumentNullException>(() => QueryReader.Read(Library, node, null!)).ParamName);
        Assert.Equal("text", Assert.Throws<ArgumentNullException>(() => QueryReader.ParseDate(null!, "--date", errors)).ParamName);
        Assert.Equal("schema", Assert.Throws<ArgumentNullException>(() => QueryReader.SetFactFromText(null!, "inUniform", "true", situation, errors)).ParamName);
        Assert.Equal("name", Assert.Throws<ArgumentNullException>(() => QueryReader.SetFactFromText(Library.Schema, null!, "true", situation, errors)).ParamName);
        Assert.Equal("text", Assert.Throws<ArgumentNullException>(() => QueryReader.SetFactFromText(Library.Schema, "inUniform", null!, situation, errors)).ParamName);
        Assert.Equal("errors", Assert.Throws<ArgumentNullException>(() => QueryReader.SetFactFromText(Library.Schema, "inUniform", "true", situation, null!)).ParamName);
        Assert.Equal("errors", Assert.Throws<ArgumentNullException>(() => QueryReader.SetFactFromText(Library.Schema, "inUniform", "true", null!, null!)).ParamName); // in order
        Assert.Equal("force", Assert.Throws<ArgumentNullException>(() => QueryReader.CheckForce(Library, null!, "--force", errors)).ParamName);
        Assert.Equal("power", Assert.Throws<ArgumentNullException>(() => QueryReader.CheckPower(Library, null!, "--grant", errors)).ParamName);
        Assert.Empty(errors);
    }

    [Fact]
    public void QueryResult_ReadOrRefusedWithAtLeastOneError()
    {
        var read = QueryReader.Read(Library, """{ "date": "2013-03-01", "designation": "met-2002-security" }""");
        Assert.True(read.Succeeded);
        Assert.Empty(read.Errors);
        var refused = QueryReader.Read(Library, "[]");
        Assert.False(refused.Succeeded);
        Assert.Null(refused.Query);
        Assert.Equal("query", Assert.Throws<ArgumentNullException>(() => QueryResult.Read(null!)).ParamName);
        Assert.Equal("errors", Assert.Throws<ArgumentNullException>(() => QueryResult.Refused(null!)).ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => QueryResult.Refused([]));
    }
}
