using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Powers.Decisions;
using Powers.Hosting.Tests.TestSupport;

namespace Powers.Hosting.Tests;

/// <summary>Issue 20, item 2: an answer is written at the level of detail chosen per call or by default in the options.</summary>
public sealed class PowersAnswerDetailTests
{
    [Fact]
    public void ToJson_DefaultOptions_TheFullDocument()
    {
        using var host = new TestHost(_ => { });
        var answer = host.Powers.Decide(RulesDirectory.Query);

        Assert.Equal(DecisionDetail.Full, answer.Detail);
        var power = Decisions(answer.ToJson()).First(p => p["power"]!.GetValue<string>() == "road-check");
        Assert.NotNull(power["title"]);
        Assert.NotNull(power["clauses"]![0]!["text"]);
    }

    [Fact]
    public void WithDetail_Outcomes_EveryPowerWithItsOutcomeOnly()
    {
        using var host = new TestHost(_ => { });
        var full = host.Powers.Decide(RulesDirectory.Query);
        var outcomes = full.WithDetail(DecisionDetail.Outcomes);

        var written = JsonNode.Parse(outcomes.ToJson())!.AsObject();
        Assert.Equal(full.Decision!.Powers.Select(p => p.Power), written.Select(p => p.Key));
        Assert.Equal(full.Decision.Powers.Select(p => Powers.Model.OutcomeNames.Name(p.Outcome)), written.Select(p => p.Value!.GetValue<string>()));
        Assert.Equal(full.DecisionId, outcomes.DecisionId);
        Assert.Same(full.Decision, outcomes.Decision);
        Assert.True(JsonNode.DeepEquals(written, JsonNode.Parse(JsonSerializer.Serialize(outcomes))));
    }

    [Fact]
    public void Decide_OptionsDetailReasons_EveryAnswerWritesEachPowersReasonsWithoutItsTexts()
    {
        using var host = new TestHost(o => o.Detail = DecisionDetail.Reasons);
        var answer = host.Powers.Decide("""{"date":"2013-03-01","designation":"met-2002-security","facts":{"inUniform":true}}""");

        Assert.Equal(DecisionDetail.Reasons, answer.Detail);
        var powers = Decisions(answer.ToJson());
        Assert.Equal(answer.Decision!.Powers.Count, powers.Count);
        var roadCheck = powers.Single(p => p["power"]!.GetValue<string>() == "road-check");
        Assert.Equal(["power", "outcome", "cite", "confidence", "clauses", "missing"], roadCheck.AsObject().Select(p => p.Key));
        Assert.Equal("undetermined", roadCheck["outcome"]!.GetValue<string>());

        // The same document from System.Text.Json, as an endpoint's Results.Json(answer) writes it.
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(answer.ToJson()), JsonNode.Parse(JsonSerializer.Serialize(answer))));
    }

    [Fact]
    public async Task Start_BadDetailOptions_FailsNamingEach()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Powers:ExplainMaxSteps"] = "0",
            ["Powers:ExplainTimeLimit"] = "00:00:00",
        });
        builder.Services.AddPowers(o => o.Detail = (DecisionDetail)7);
        using var host = builder.Build();

        var e = Assert.IsType<OptionsValidationException>((await Assert.ThrowsAsync<PowersStartupException>(() => host.StartAsync())).InnerException);

        Assert.Equal(
            [
                "Powers:Detail: 7 is not Full, Reasons or Outcomes.",
                "Powers:ExplainMaxSteps: 0 is not a positive number of steps.",
                "Powers:ExplainTimeLimit: 00:00:00 is not a positive time (or -00:00:00.001 for none).",
            ],
            e.Failures);
    }

    private static List<JsonNode> Decisions(string json) => [.. JsonNode.Parse(json)!["decisions"]!.AsArray().Select(p => p!)];
}
