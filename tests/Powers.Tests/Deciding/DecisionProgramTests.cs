using Powers.Deciding;
using Powers.Evaluation;
using Powers.Model;
using Powers.Planning;
using Powers.TestSupport;

namespace Powers.Tests.Deciding;

/// <summary>
/// The fast paths (<see cref="DecisionProgram"/>, explained and bare) agree with the reference interpreter on every shipped version and designation (and
/// ad-hoc ones granting every power), for many random situations, complete and partial: outcomes, clause statuses and
/// missing facts.
/// </summary>
public class DecisionProgramTests
{
    private const int SituationsPerPlan = 300;

    public static TheoryData<double> KnownProbabilities() => [1.0, 0.8, 0.5, 0.2, 0.0];

    [Theory]
    [MemberData(nameof(KnownProbabilities))]
    public void Decide_RandomSituationsOnEveryShippedPlan_AgreesWithReferenceInterpreter(double known)
    {
        var library = ShippedLibrary.Instance;
        var random = new RandomSituations(library, seed: (int)(known * 1000));
        int plans = 0;
        foreach (var plan in LibraryPlans.All(library))
        {
            plans++;
            var program = DecisionProgram.Compile(plan);
            var expected = plan.CreateBuffer();
            var explained = plan.CreateBuffer();
            var outcomes = new Outcome[plan.Powers.Count];
            var situation = new Situation(library.Schema);
            for (int i = 0; i < SituationsPerPlan; i++)
            {
                random.Fill(situation, known);
                PlanDecider.Decide(plan, situation, ReferenceInterpreter.Instance, expected);
                program.Decide(situation, explained);
                program.DecideOutcomes(situation, outcomes);
                AssertAgree(expected, explained);
                AssertSame(expected.Outcomes, outcomes);
            }
        }

        Assert.True(plans >= library.Versions.Count * library.Designations.Count);
    }

    private static void AssertAgree(DecisionBuffer expected, DecisionBuffer actual)
    {
        AssertSame(expected.Outcomes, actual.Outcomes);
        AssertSame(expected.Statuses, actual.Statuses);
        AssertSame(expected.Missing, actual.Missing);
    }

    // Compares cheaply, and lets xunit describe the difference only when there is one (hundreds of thousands of calls).
    private static void AssertSame<T>(T[] expected, T[] actual)
    {
        if (!expected.AsSpan().SequenceEqual(actual, EqualityComparer<T>.Default))
        {
            Assert.Equal(expected, actual);
        }
    }
}
