using Powers.Analysis;
using Powers.Decisions;
using Powers.Model;
using Powers.Queries;
using Powers.TestSupport;

namespace Powers.Tests.Decisions;

/// <summary>
/// A plan keeps each power's finished residual by the known facts that power reads (issue 20: a control room asks
/// the same partial situation again and again). A kept residual is the one a fresh search gives; a budget too small
/// for the search still stops where it would have.
/// </summary>
public class DecisionResidualCacheTests
{
    private const string Partial = """{"date":"2013-03-01","designation":"met-2002-security","facts":{"inUniform":true,"inPoliceArea":true,"terrorismAuthorisation":"s47a","authorisationAgeHours":20,"suspectedConduct":"relevant-offence"}}""";

    [Fact]
    public void Explain_SameSituationTwice_SecondAnsweredFromThePlanAsAFreshSearchWould()
    {
        var engine = new PowersEngine(ShippedLibrary.Instance);

        var first = engine.Decide(Read(Partial)).Explain();
        var second = engine.Decide(Read(Partial)).Explain();

        var undetermined = first.Where(p => p.Outcome == Outcome.Undetermined).Select(p => p.Power).ToList();
        Assert.True(undetermined.Count >= 5, "undetermined: " + undetermined.Count);
        Assert.All(undetermined, power => Assert.Same(first.Single(p => p.Power == power).Residual, second.Single(p => p.Power == power).Residual));
        Assert.Equal(Fresh(Partial), Conditions(second));
    }

    [Fact]
    public void Explain_AFactThePowerReadsChanged_SearchedAgain()
    {
        var engine = new PowersEngine(ShippedLibrary.Instance);
        string other = Partial.Replace("\"s47a\"", "\"s44\"", StringComparison.Ordinal);

        var first = engine.Decide(Read(Partial)).Explain();
        var second = engine.Decide(Read(other)).Explain();

        Assert.Equal(Fresh(Partial), Conditions(first));
        Assert.Equal(Fresh(other), Conditions(second));
        Assert.NotEqual(Conditions(first), Conditions(second));
    }

    [Fact]
    public void Explain_OnlyAFactThePowerDoesNotReadChanged_KeptResidual()
    {
        var engine = new PowersEngine(ShippedLibrary.Instance);
        string other = Partial.Replace("\"suspectedConduct\":\"relevant-offence\"", "\"suspectedConduct\":\"other-offence\"", StringComparison.Ordinal);

        var first = engine.Decide(Read(Partial)).Explain().Single(p => p.Power == "stop-search-authorised-area");
        var second = engine.Decide(Read(other)).Explain().Single(p => p.Power == "stop-search-authorised-area");

        Assert.Equal(Outcome.Undetermined, first.Outcome);
        Assert.Same(first.Residual, second.Residual);
    }

    [Fact]
    public void Explain_KeptResidualThenABudgetTooSmallForItsSearch_StopsAsTheSearchWould()
    {
        var engine = new PowersEngine(ShippedLibrary.Instance);
        var tiny = new AnalysisBudget { MaxSteps = 1, TimeLimit = Timeout.InfiniteTimeSpan };
        var expected = new PowersEngine(ShippedLibrary.Instance).Decide(Read(Partial)).Explain(tiny).Select(p => p.Residual?.Stopped).ToList();

        engine.Decide(Read(Partial)).Explain();
        var stopped = engine.Decide(Read(Partial)).Explain(tiny);

        Assert.Equal(expected, stopped.Select(p => p.Residual?.Stopped));
        Assert.Contains("stopped after 1 steps (the analysis budget)", expected);
    }

    [Fact]
    public void Explain_KeptResidualThenACancelledCaller_Throws()
    {
        var engine = new PowersEngine(ShippedLibrary.Instance);
        engine.Decide(Read(Partial)).Explain();
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.Throws<OperationCanceledException>(() => engine.Decide(Read(Partial)).Explain(AnalysisBudget.Explanation, cancelled.Token));
    }

    [Fact]
    public void Explain_ManyThreadsManySituations_EachAsAFreshSearch()
    {
        var engine = new PowersEngine(ShippedLibrary.Instance);
        string[] queries = [.. Enumerable.Range(0, 8).Select(i => Partial.Replace("\"authorisationAgeHours\":20", "\"authorisationAgeHours\":" + (i * 10), StringComparison.Ordinal))];
        var expected = queries.Select(Fresh).ToList();

        var results = new string?[200][];
        Parallel.For(0, results.Length, i => results[i] = Conditions(engine.Decide(Read(queries[i % queries.Length])).Explain()));

        for (int i = 0; i < results.Length; i++)
        {
            Assert.Equal(expected[i % queries.Length], results[i]);
        }
    }

    [Fact]
    public void Add_MoreThanItsCapacity_StaysWithinIt()
    {
        var plan = new PowersEngine(ShippedLibrary.Instance).Plans.Get(Read(Partial)).Plan;
        var cache = new ResidualCache(plan);
        var situation = Read(Partial).Situation;
        var fact = ShippedLibrary.Instance.Schema.Facts.Single(f => f.Name == "authorisationAgeHours");
        int power = ShippedLibrary.Instance.IndexOfPower("stop-search-authorised-area");
        var residual = new Residual("true", null);

        for (int hours = 0; hours < ResidualCache.Capacity + 10; hours++)
        {
            situation.Set(fact, hours);
            cache.Add(power, situation, residual, steps: 1);
        }

        Assert.InRange(cache.Count, 1, ResidualCache.Capacity);
        Assert.Same(residual, cache.Find(power, situation, AnalysisBudget.Explanation));
    }

    private static string?[] Fresh(string json) => Conditions(new PowersEngine(ShippedLibrary.Instance).Decide(Read(json)).Explain());

    private static string?[] Conditions(IReadOnlyList<PowerDecision> powers) => [.. powers.Select(p => p.PermittedIf + "|" + p.Residual?.Stopped + "|" + string.Join(",", p.Example?.Select(v => v.ToString()) ?? []))];

    private static Query Read(string json)
    {
        var errors = new List<QueryError>();
        return QueryReader.Parse(ShippedLibrary.Instance, json, errors) ?? throw new InvalidOperationException(string.Join("; ", errors));
    }
}
