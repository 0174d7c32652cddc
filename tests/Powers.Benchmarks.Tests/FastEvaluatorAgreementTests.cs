using Powers.Batch;
using Powers.Benchmarks;
using Powers.Deciding;
using Powers.Evaluation;
using Powers.Model;
using Powers.Planning;
using Powers.Queries;

namespace Powers.Benchmarks.Tests;

/// <summary>
/// The fast paths (<see cref="DecisionProgram"/>, <see cref="BatchDecider"/>, compiled clauses) agree with the
/// reference interpreter on every shipped version and designation (and ad-hoc ones granting every power), for many
/// random situations, complete and partial: outcomes, clause statuses and missing facts.
/// </summary>
public class FastEvaluatorAgreementTests
{
    private const int SituationsPerPlan = 300;

    public static TheoryData<double> KnownProbabilities() => [1.0, 0.8, 0.5, 0.2, 0.0];

    [Theory]
    [MemberData(nameof(KnownProbabilities))]
    public void DecisionProgram_AgreesWithReferenceInterpreter_OnAllShippedPlans(double known)
    {
        var library = BenchmarkData.Library;
        var random = new RandomSituations(library, seed: (int)(known * 1000));
        int plans = 0;
        foreach (var plan in BenchmarkData.AllPlans(library))
        {
            plans++;
            var program = DecisionProgram.Compile(plan);
            var expected = plan.CreateBuffer();
            var compiled = plan.CreateBuffer();
            var explained = plan.CreateBuffer();
            var outcomes = new Outcome[plan.Powers.Count];
            var situation = new Powers.Evaluation.Situation(library.Schema);
            for (int i = 0; i < SituationsPerPlan; i++)
            {
                random.Fill(situation, known);
                PlanDecider.Decide(plan, situation, ReferenceInterpreter.Instance, expected);
                PlanDecider.Decide(plan, situation, CompiledClauseEvaluator.Instance, compiled);
                program.Decide(situation, explained);
                program.DecideOutcomes(situation, outcomes);
                BenchmarkData.CheckExplained("compiled clauses", plan, expected, compiled);
                BenchmarkData.CheckExplained("program explained", plan, expected, explained);
                BenchmarkData.CheckOutcomes("program", expected, outcomes);
            }
        }

        Assert.True(plans >= library.Versions.Count * library.Designations.Count);
    }

    [Theory]
    [MemberData(nameof(KnownProbabilities))]
    public void BatchEvaluator_AgreesWithReferenceInterpreter_OnAllShippedPlans(double known)
    {
        var library = BenchmarkData.Library;
        var random = new RandomSituations(library, seed: 7 + (int)(known * 1000));
        var situations = new Powers.Evaluation.Situation[SituationsPerPlan];
        for (int i = 0; i < situations.Length; i++)
        {
            situations[i] = random.Next(known);
        }

        // A capacity that is not a whole number of blocks, and a count that leaves the last block part-filled.
        var batch = new SituationBatch(library.Schema, SituationsPerPlan);
        foreach (var plan in BenchmarkData.AllPlans(library))
        {
            var evaluator = new BatchDecider(plan);
            var outcomes = evaluator.CreateOutcomes(SituationsPerPlan);
            var expected = plan.CreateBuffer();
            batch.Clear();
            foreach (var s in situations)
            {
                batch.Add(s);
            }

            evaluator.Decide(batch, outcomes);
            Assert.Equal(situations.Length, outcomes.Count);
            for (int i = 0; i < situations.Length; i++)
            {
                PlanDecider.Decide(plan, situations[i], ReferenceInterpreter.Instance, expected);
                for (int p = 0; p < plan.Powers.Count; p++)
                {
                    Assert.Equal(expected.Outcomes[p], outcomes[i, p]);
                }
            }
        }
    }

    [Fact]
    public void SituationBatch_Set_PacksLikeSituation()
    {
        var library = BenchmarkData.Library;
        var random = new RandomSituations(library, seed: 99);
        var plan = BenchmarkData.AllPlans(library).First(p => p.Powers.Any(x => x.Kind == PowerPlanKind.Evaluate));
        var evaluator = new BatchDecider(plan);
        var viaAdd = new SituationBatch(library.Schema, 130);
        var viaSet = new SituationBatch(library.Schema, 130);
        for (int i = 0; i < 130; i++)
        {
            var s = random.Next(0.5);
            viaAdd.Add(s);
            int lane = viaSet.AddUnknown();
            for (int f = 0; f < library.Schema.Count; f++)
            {
                if (s.IsKnown(f))
                {
                    viaSet.Set(lane, f, s.ValueAt(f));
                }
            }
        }

        var a = evaluator.CreateOutcomes(130);
        var b = evaluator.CreateOutcomes(130);
        evaluator.Decide(viaAdd, a);
        evaluator.Decide(viaSet, b);
        for (int p = 0; p < plan.Powers.Count; p++)
        {
            Assert.Equal(a.ForPower(p).ToArray(), b.ForPower(p).ToArray());
        }
    }

    [Fact]
    public void NdjsonGenerator_WritesQueriesTheReaderAccepts()
    {
        var library = BenchmarkData.Library;
        using var writer = new StringWriter();
        NdjsonGenerator.Write(library, writer, 200, seed: 3);
        string[] lines = writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(200, lines.Length);
        foreach (string line in lines)
        {
            var errors = new List<QueryError>();
            Assert.NotNull(QueryReader.Parse(library, line, errors));
            Assert.Empty(errors);
        }
    }
}
