using Powers.Deciding;
using Powers.Evaluation;
using Powers.Model;
using Powers.Planning;
using Powers.Properties.Tests.Generators;
using Powers.Properties.Tests.Support;
using Powers.TestSupport;

namespace Powers.Properties.Tests.Evaluation;

public class KleeneProperties
{
    private static readonly int[][] ShippedInts = LibraryConstants.IntCandidates(ShippedLibrary.Instance);

    private const int UndeterminedSampleSize = 65536;

    [PowersProperty(200)]
    public void Decide_PermittedOrDenied_SameForEveryCompletion(PartialQuery query) =>
        AssertStable(query.Case, ShippedInts);

    [PowersProperty(30)]
    public void Decide_GeneratedRuleSetPermittedOrDenied_SameForEveryCompletion(GeneratedCase generated)
    {
        var ints = LibraryConstants.IntCandidates(generated.Generated.Library);
        foreach (var query in generated.Queries)
        {
            AssertStable(query, ints);
        }
    }

    [PowersProperty(200)]
    public void Decide_Undetermined_HasCompletionsThatPermitAndThatDoNot(PartialQuery query)
    {
        var plan = query.Case.Plan();
        var decided = Decide(plan, query.Case.Situation);
        for (int p = 0; p < plan.Powers.Count; p++)
        {
            if (decided.Outcomes[p] != Outcome.Undetermined)
            {
                continue;
            }

            bool permits = false;
            bool doesNot = false;
            // A larger sample than the stability checks use: the loop stops as soon as both kinds are seen, and a power with
            // a dozen facts (a dispersal under ASBA s.30: authorisation, action, age, hour, adult control, harm, ...) may be
            // permitted by about 1 completion in 800, which 4,096 draws miss about once in 200 queries.
            foreach (var completion in Completions.Of(query.Case.Situation, PowerFacts(plan, p), ShippedInts, query.Case.GetHashCode(), UndeterminedSampleSize))
            {
                var outcome = Decide(plan, completion).Outcomes[p];
                permits |= outcome == Outcome.Permitted;
                doesNot |= outcome != Outcome.Permitted;
                if (permits && doesNot)
                {
                    break;
                }
            }

            PropertyViolationException.Check(permits && doesNot, () => "'" + plan.Powers[p].Power.Id + "' is undetermined, but " + (permits ? "every" : "no") + " completion permits it.");
        }
    }

    private static void AssertStable(QueryCase query, int[][] ints)
    {
        var plan = query.Plan();
        var decided = Decide(plan, query.Situation);
        for (int p = 0; p < plan.Powers.Count; p++)
        {
            var outcome = decided.Outcomes[p];
            if (outcome is not (Outcome.Permitted or Outcome.Denied))
            {
                continue;
            }

            foreach (var completion in Completions.Of(query.Situation, PowerFacts(plan, p), ints, 17))
            {
                var completed = Decide(plan, completion).Outcomes[p];
                PropertyViolationException.Check(completed == outcome, () => "'" + plan.Powers[p].Power.Id + "' is " + OutcomeNames.Name(outcome) + " but " + OutcomeNames.Name(completed) + " for the completion " + QueryCase.FactsJson(completion));
            }
        }
    }

    private static UInt128 PowerFacts(DecisionPlan plan, int power)
    {
        UInt128 mask = UInt128.Zero;
        foreach (int index in plan.Powers[power].ClauseIndices)
        {
            mask |= plan.Clauses[index].FactMask;
        }

        return mask;
    }

    private static DecisionBuffer Decide(DecisionPlan plan, Situation situation)
    {
        var buffer = plan.CreateBuffer();
        PlanDecider.Decide(plan, situation, ReferenceInterpreter.Instance, buffer);
        return buffer;
    }
}
