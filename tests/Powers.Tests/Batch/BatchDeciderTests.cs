using Powers.Batch;
using Powers.Deciding;
using Powers.Evaluation;
using Powers.TestSupport;

namespace Powers.Tests.Batch;

/// <summary>
/// <see cref="BatchDecider"/> agrees with the reference interpreter on every shipped version and designation (and
/// ad-hoc ones granting every power), for many random situations, complete and partial.
/// </summary>
public class BatchDeciderTests
{
    private const int SituationsPerPlan = 300;

    public static TheoryData<double> KnownProbabilities() => [1.0, 0.8, 0.5, 0.2, 0.0];

    [Theory]
    [MemberData(nameof(KnownProbabilities))]
    public void Decide_RandomSituationsOnEveryShippedPlan_AgreesWithReferenceInterpreter(double known)
    {
        var library = ShippedLibrary.Instance;
        var random = new RandomSituations(library, seed: 7 + (int)(known * 1000));
        var situations = new Situation[SituationsPerPlan];
        for (int i = 0; i < situations.Length; i++)
        {
            situations[i] = random.Next(known);
        }

        // A capacity that is not a whole number of blocks, and a count that leaves the last block part-filled.
        var batch = new SituationBatch(library.Schema, SituationsPerPlan);
        foreach (var plan in LibraryPlans.All(library))
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
}
