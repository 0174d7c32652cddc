using System.Dynamic;
using Engine = RulesEngine.RulesEngine;
using Newtonsoft.Json;
using Newtonsoft.Json.Converters;
using Powers.Evaluation;
using Powers.Model;
using Powers.Planning;
using Powers.Queries;
using Powers.RulesEngine.Tests.TestSupport;
using Powers.TestSupport;
using RulesEngine.Models;

namespace Powers.RulesEngine.Tests;

public class WorkflowExporterTests
{
    private const int SituationsPerPlan = 25;

    public static TheoryData<string> Versions()
    {
        var data = new TheoryData<string>();
        foreach (var version in ShippedLibrary.Instance.Versions)
        {
            data.Add(version.Id);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public async Task Export_EveryDesignationOfShippedVersion_LoadsInRulesEngineAndAgreesWithQuery(string versionId)
    {
        var library = ShippedLibrary.Instance;
        var version = library.Versions.Single(v => v.Id == versionId);
        var engine = new PowersEngine(library);
        // Seeded by the version's place, not its id's hash code (randomized per process), so a failure replays.
        var random = new RandomSituations(library, seed: library.Versions.ToList().IndexOf(version));
        var designations = library.Designations.Append(Designation.AdHoc("kent", library.Powers.Select(p => p.Id).ToHashSet())).Append(Designation.AdHoc("kent", new HashSet<string>()));
        int checkedRules = 0;
        foreach (var designation in designations)
        {
            var plan = PlanBuilder.Build(library, version, designation, null);
            string json = WorkflowJson.Serialize(WorkflowExporter.Export(plan));
            var workflows = JsonConvert.DeserializeObject<Workflow[]>(json)!;
            Assert.Equal(versionId, workflows[0].WorkflowName);
            var rulesEngine = new Engine(workflows, new ReSettings());
            for (int n = 0; n < SituationsPerPlan; n++)
            {
                var situation = random.Complete();
                string facts = SituationJson.Facts(situation);
                var input = JsonConvert.DeserializeObject<ExpandoObject>(facts, new ExpandoObjectConverter())!;
                var results = await rulesEngine.ExecuteAllRulesAsync(versionId, new RuleParameter(RulesEngineNames.SituationParameter, input));
                var decision = engine.Decide(new Query(null, version, designation, situation));
                Assert.Equal(library.Powers.Select(p => p.Id), results.Select(r => r.Rule.RuleName));
                for (int p = 0; p < results.Count; p++)
                {
                    AssertNoException(results[p]);
                    bool permitted = decision.Powers[p].Outcome == Outcome.Permitted;
                    Assert.True(permitted == results[p].IsSuccess, $"{versionId} {designation.Id ?? "ad-hoc"} {results[p].Rule.RuleName}: query says {decision.Powers[p].Outcome}, RulesEngine says {results[p].IsSuccess}, facts {facts}");
                    checkedRules++;
                }
            }
        }

        Assert.True(checkedRules > 0);
    }

    /// <summary>RulesEngine reports a failed rule's error message as its exception message; anything else is an error.</summary>
    private static void AssertNoException(RuleResultTree result)
    {
        bool fine = string.IsNullOrEmpty(result.ExceptionMessage) || (!result.IsSuccess && result.ExceptionMessage == result.Rule.ErrorMessage);
        Assert.True(fine, result.Rule.RuleName + ": " + result.ExceptionMessage);
        foreach (var child in result.ChildResults ?? [])
        {
            AssertNoException(child);
        }
    }

    [Fact]
    public void Export_Json_DeserializesWithSystemTextJson()
    {
        var library = ShippedLibrary.Instance;
        var version = library.Versions.Single(v => v.Id == "pra2002-sch4@2012-07-10");
        library.TryGetDesignation("met-2002-security", out var designation);
        string json = WorkflowJson.Serialize(WorkflowExporter.Export(PlanBuilder.Build(library, version, designation, null)));

        var workflows = System.Text.Json.JsonSerializer.Deserialize<Workflow[]>(json)!;

        var stop = workflows[0].Rules.Single(r => r.RuleName == "stop-search-authorised-area");
        Assert.Equal("And", stop.Operator);
        Assert.Contains(stop.Rules, r => r.RuleName == "vehicles-and-items-only" && r.Expression == "(situation.searchOf == \"vehicle\" || situation.searchOf == \"item-carried\")");
        Assert.Equal(RuleExpressionType.LambdaExpression, stop.Rules.First().RuleExpressionType);
    }

    [Fact]
    public void Export_PowerNotInForce_IsFalseAndSaysWhy()
    {
        var library = ShippedLibrary.Instance;
        var version = library.Versions.Single(v => v.Id == "pra2002-sch4@2011-03-18");
        var plan = PlanBuilder.Build(library, version, Designation.AdHoc("kent", new HashSet<string>()), null);

        var workflow = WorkflowExporter.ExportWorkflow(plan);

        var fixedRules = workflow.Rules.Where(r => r.Expression == "false").ToList();
        Assert.NotEmpty(fixedRules);
        Assert.All(fixedRules, r => Assert.Matches("^not-(in-force|designated): .+", r.ErrorMessage));
        Assert.All(fixedRules, r => Assert.Equal(r.ErrorMessage, r.Properties["description"]));
    }

    [Fact]
    public async Task Export_ClauseFails_ChildResultNamesTheClause()
    {
        var library = ShippedLibrary.Instance;
        var version = library.Versions.Single(v => v.Id == "pra2002-sch4@2012-07-10");
        library.TryGetDesignation("met-2002-security", out var designation);
        var workflows = WorkflowJson.Deserialize(WorkflowJson.Serialize(WorkflowExporter.Export(PlanBuilder.Build(library, version, designation, null))));
        var situation = new Situation(library.Schema);
        foreach (var fact in library.Schema.Facts)
        {
            situation.Set(fact.Index, 0);
        }

        library.Schema.TryGet("searchOf", out var searchOf);
        situation.Set(searchOf.Index, searchOf.IndexOfValue("person"));

        var results = await new Engine(workflows, new ReSettings()).ExecuteAllRulesAsync(version.Id, new RuleParameter("situation", SituationObjects.ToExpando(situation)));

        var stop = results.Single(r => r.Rule.RuleName == "stop-search-authorised-area");
        Assert.False(stop.IsSuccess);
        Assert.Contains(stop.ChildResults, c => c.Rule.RuleName == "vehicles-and-items-only" && !c.IsSuccess);
    }

    [Fact]
    public void ExportWorkflow_PlanWithoutVersion_Throws()
    {
        var library = ShippedLibrary.Instance;
        var plan = PlanBuilder.Build(library, null, Designation.AdHoc("kent", new HashSet<string>()), new DateOnly(2001, 1, 1));

        Assert.Throws<ArgumentException>(() => WorkflowExporter.ExportWorkflow(plan));
    }
}
