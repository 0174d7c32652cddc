using System.Text.Json;
using Powers.Decisions;
using Powers.Model;

namespace Powers.Tests.Decisions;

public class DecisionJsonConverterTests
{
    private static readonly PowersEngine Engine = PowersEngine.LoadEmbedded();

    public static TheoryData<string> Queries => new()
    {
        """{"date":"2013-03-01","designation":"met-2002-security","facts":{"inUniform":true,"inPoliceArea":true,"terrorismAuthorisation":"s47a","authorisationAgeHours":20,"searchOf":"vehicle"}}""",
        """{"date":"2018-03-01","designation":{"force":"kent","powers":["road-check"],"made":"2017-06-01"},"facts":{"inUniform":true,"roadCheckAuthorised":true}}""",
        """{"date":"1999-01-01","designation":{"force":"kent","powers":[]}}""",
        """{"ruleset":"pra2002-sch4@bill-2002-04-25","designation":"met-2002-security"}""",
    };

    [Theory]
    [MemberData(nameof(Queries))]
    public void Serialize_Decision_TheSameDocumentAsToJson(string query)
    {
        var decision = Engine.Decide(query).Decision ?? throw new InvalidOperationException("bad query");
        string text = DecisionJsonWriter.ToJson(decision, DecisionDetail.Full, null, indented: false);

        string viaSystemTextJson = JsonSerializer.Serialize(decision);

        // The same document; System.Text.Json's default encoder escapes some characters (' as \u0027) that ToJson writes as is.
        Assert.True(System.Text.Json.Nodes.JsonNode.DeepEquals(System.Text.Json.Nodes.JsonNode.Parse(text), System.Text.Json.Nodes.JsonNode.Parse(viaSystemTextJson)), viaSystemTextJson);
        // A sanity bound, not a budget: the document has an entry for every catalogue power (52) with its clauses.
        Assert.InRange(viaSystemTextJson.Length, 100, 256 * 1024);
    }

    [Fact]
    public void Serialize_DecisionToAStream_TheSameBytes()
    {
        var decision = Engine.Decide("""{"date":"2013-03-01","designation":"met-2002-security"}""").Decision!;
        using var stream = new MemoryStream();

        DecisionJsonWriter.Write(stream, decision);

        Assert.Equal(JsonSerializer.Serialize(decision), System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    [Fact]
    public void Serialize_Outcome_ItsContractName()
    {
        Assert.Equal("\"not-in-force\"", JsonSerializer.Serialize(Outcome.NotInForce));
        Assert.Equal("\"permitted\"", JsonSerializer.Serialize(Outcome.Permitted));
        Assert.Equal(Outcome.Undetermined, JsonSerializer.Deserialize<Outcome>("\"undetermined\""));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Outcome>("4"));
    }

    [Fact]
    public void Serialize_PowerDecision_ItsEntryOfTheDecisionDocument()
    {
        var decision = Engine.Decide("""{"date":"2013-03-01","designation":"met-2002-security","facts":{"inUniform":true,"searchOf":"vehicle"}}""").Decision!;
        var document = System.Text.Json.Nodes.JsonNode.Parse(JsonSerializer.Serialize(decision))!;

        // The document is the explained decision; an entry of Powers alone has no permittedIf (reading explains nothing).
        var explained = decision.Explain();
        Assert.Contains(explained, p => p.PermittedIf is not null);
        Assert.All(decision.Powers, p => Assert.DoesNotContain("permittedIf", JsonSerializer.Serialize(p), StringComparison.Ordinal));
        for (int p = 0; p < decision.Count; p++)
        {
            string alone = JsonSerializer.Serialize(explained[p]);

            Assert.True(System.Text.Json.Nodes.JsonNode.DeepEquals(document["decisions"]![p], System.Text.Json.Nodes.JsonNode.Parse(alone)), alone);
            Assert.DoesNotContain("\"Plan\"", alone, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Serialize_ThroughTheSourceGeneratedContext_TheSameDocumentsAsByReflection()
    {
        var decision = Engine.Decide("""{"date":"2018-03-01","designation":{"force":"kent","powers":["road-check"],"made":"2017-06-01"},"facts":{"inUniform":true}}""").Decision!;

        Assert.Equal(JsonSerializer.Serialize(decision), JsonSerializer.Serialize(decision, PowersJsonContext.Default.Decision));
        Assert.Equal(JsonSerializer.Serialize(decision.Powers[0]), JsonSerializer.Serialize(decision.Powers[0], PowersJsonContext.Default.PowerDecision));
        Assert.Equal("\"undetermined\"", JsonSerializer.Serialize(Outcome.Undetermined, PowersJsonContext.Default.Outcome));
    }
}
