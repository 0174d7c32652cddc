using Powers.Queries;
using Powers.Tests.TestSupport;

namespace Powers.Tests.Queries;

/// <summary>
/// The code, field and message of the query errors that the readers' agreement tests (Powers.Cli.Tests,
/// <c>QueryResolverAgreementTests</c>) do not reach: the document's shape and ad-hoc restrictions. Each is what
/// docs/contract.md ("Query errors") says that code means.
/// </summary>
public sealed class QueryErrorCodesTests
{
    private static readonly PowersEngine Engine = PowersEngine.LoadEmbedded();

    private const string Kent2010 = """{ "date": "2010-06-01", "designation": { "force": "kent", "powers": ["road-check"], "restrictions": [ RESTRICTIONS ] } }""";

    public static TheoryData<string, string, string, string> Mistakes => new()
    {
        { """{ "date": "2013-03-01", """, "PQ0001", "", "malformed JSON at (1,25): Unexpected end of file: the object opened at (1,1) is not closed" },
        { """[ "2013-03-01" ]""", "PQ0002", "", "a query must be a JSON object, not an array" },
        { """{ "date": "2013-03-01", "designation": "met-2002-security", "fact": {} }""", "PQ0003", "fact", "unknown property; did you mean 'facts'?" },
        { """{ "date": "2013-03-01" }""", "PQ0005", "designation", "a designation id or { \"force\": ..., \"powers\": [...] } is required" },
        { """{ "date": "2013-03-01", "designation": { "powers": [] } }""", "PQ0005", "designation.force", "an ad-hoc designation needs a force, e.g. \"kent\"" },
        { Kent2010.Replace("RESTRICTIONS", """{ "id": "r", "when": "true", "text": "T." }, { "id": "r", "when": "false", "text": "U." }""", StringComparison.Ordinal), "PQ0112", "designation.restrictions[1].id", "'r' is the id of an earlier restriction" },
        { Kent2010.Replace("RESTRICTIONS", """{ "id": "r", "when": "constablePresnt", "text": "T." }""", StringComparison.Ordinal), "PQ0113", "designation.restrictions[0].when", "Unknown fact 'constablePresnt'; did you mean 'constableInCompany'? (PWR0201, column 1 of the expression)" },
        { Kent2010.Replace("RESTRICTIONS", """{ "id": "r", "when": "true" }""", StringComparison.Ordinal), "PQ0005", "designation.restrictions[0].text", "is required" },
        { Kent2010.Replace("RESTRICTIONS", "7", StringComparison.Ordinal), "PQ0002", "designation.restrictions[0]", "must be an object { \"id\", \"when\", \"text\", \"powers\" }, not a number" },
    };

    [Theory]
    [MemberData(nameof(Mistakes))]
    public void Read_Mistake_HasItsCodeFieldAndMessage(string json, string code, string field, string message)
    {
        var error = Assert.Single(Engine.Read(json.AsSpan()).Errors);
        Assert.Equal((code, field), (error.Code, error.Field));
        Assert.Equal(message, error.Message);
        Assert.Equal(QueryErrorDescriptors.All.Single(d => d.Code == code).Title, error.Title);
    }

    [Fact]
    public void QueryError_EveryCode_TitleQuotesNothingOfTheQuery()
    {
        var error = Assert.Single(Engine.Read("""{ "date": "2013-03-01", "designation": "met-2002-securty<img src=x>" }""".AsSpan()).Errors);
        Assert.Equal(("PQ0105", "unknown designation"), (error.Code, error.Title));
        Assert.Contains("img", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void QueryError_ToString_FieldThenMessageOrTheMessageAlone()
    {
        var errors = QueryReader.Read(Engine.Library, """{ "date": "2013-02-30", "designation": "met-2002-security" }""").Errors;
        Assert.Equal("date: '2013-02-30' is not a date; use YYYY-MM-DD, e.g. 2013-03-01", Assert.Single(errors).ToString());
        var shape = Assert.Single(QueryReader.Read(Engine.Library, "[]").Errors);
        Assert.Equal("a query must be a JSON object, not an array", shape.ToString());
        Assert.Equal("PQ0005", QueryErrorDescriptors.Missing.ToString());
    }
}
