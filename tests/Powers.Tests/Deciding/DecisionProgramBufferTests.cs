using Powers.Deciding;
using Powers.Evaluation;
using Powers.Model;
using Powers.Planning;
using Powers.TestSupport;

namespace Powers.Tests.Deciding;

/// <summary>
/// One buffer reused across plans, as the per-thread scratch buffer of the front door is: the compiled program
/// leaves the missing-fact masks of powers whose outcome is fixed unwritten, so a mask another plan left behind
/// (for a power undetermined there and not designated here) must not survive into this plan's answer.
/// </summary>
public class DecisionProgramBufferTests
{
    [Fact]
    public void Decide_OneBufferSharedByThePlansOfAVersionInTurn_AgreesWithReferenceInterpreter()
    {
        var library = ShippedLibrary.Instance;
        var version = library.Versions.Last(v => !v.Effective.Never);
        var plans = LibraryPlans.All(library).Where(p => ReferenceEquals(p.Version, version)).ToArray();
        Assert.True(plans.Length >= 3);
        Assert.Contains(plans, p => p.Powers.Any(power => power.Kind == PowerPlanKind.NotDesignated));
        var programs = plans.Select(DecisionProgram.Compile).ToArray();
        var shared = new DecisionBuffer(plans.Max(p => p.Powers.Count), plans.Max(p => p.Clauses.Count));
        var random = new RandomSituations(library, seed: 20);
        var situation = new Situation(library.Schema);
        int undeterminedThenFixed = 0;
        for (int round = 0; round < 40; round++)
        {
            for (int i = 0; i < plans.Length; i++)
            {
                var plan = plans[i];
                random.Fill(situation, 0.2);
                var expected = plan.CreateBuffer();
                PlanDecider.Decide(plan, situation, ReferenceInterpreter.Instance, expected);
                if (round % 2 == 1)
                {
                    // Every other round the buffer was last written by the interpreter on the next plan.
                    PlanDecider.Decide(plans[(i + 1) % plans.Length], situation, ReferenceInterpreter.Instance, shared);
                }

                undeterminedThenFixed += CountStaleCandidates(plan, shared);
                programs[i].Decide(situation, shared);
                int powers = plan.Powers.Count;
                Assert.Equal(expected.Outcomes, shared.Outcomes.AsSpan(0, powers).ToArray());
                Assert.Equal(expected.Missing, shared.Missing.AsSpan(0, powers).ToArray());
                Assert.Equal(expected.Statuses, shared.Statuses.AsSpan(0, plan.Clauses.Count).ToArray());
            }
        }

        // The case the test is for happened: a non-zero mask left where this plan's power has a fixed outcome.
        Assert.True(undeterminedThenFixed > 0);
    }

    private static int CountStaleCandidates(DecisionPlan plan, DecisionBuffer buffer)
    {
        int count = 0;
        for (int p = 0; p < plan.Powers.Count; p++)
        {
            if (plan.Powers[p].Kind != PowerPlanKind.Evaluate && buffer.Missing[p] != UInt128.Zero)
            {
                count++;
            }
        }

        return count;
    }
}
