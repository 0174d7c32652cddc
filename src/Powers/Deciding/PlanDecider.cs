using Powers.Evaluation;
using Powers.Model;
using Powers.Planning;

namespace Powers.Deciding;

/// <summary>
/// Decides a situation with a plan into a caller-owned buffer. Allocates nothing: every clause of the plan is
/// evaluated once, then each power folds its clauses' statuses (any false: denied; else any unknown:
/// undetermined; else permitted) and collects the unknown facts of its unknown clauses.
/// </summary>
internal static class PlanDecider
{
    /// <summary>Fills <paramref name="buffer"/> with the decision for <paramref name="situation"/>.</summary>
    public static void Decide(DecisionPlan plan, Situation situation, IClauseEvaluator evaluator, DecisionBuffer buffer)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(situation);
        ArgumentNullException.ThrowIfNull(evaluator);
        ArgumentNullException.ThrowIfNull(buffer);
        Clause[] clauses = plan.ClauseArray;
        Tri[] statuses = buffer.Statuses;
        evaluator.EvaluateAll(clauses, situation, statuses);

        buffer.MissingWrittenBy = plan;
        UInt128 unknownFacts = ~situation.KnownMask;
        PowerPlan[] powers = plan.PowerArray;
        for (int p = 0; p < powers.Length; p++)
        {
            var power = powers[p];
            buffer.Missing[p] = UInt128.Zero;
            switch (power.Kind)
            {
                case PowerPlanKind.NotInForce:
                    buffer.Outcomes[p] = Outcome.NotInForce;
                    continue;
                case PowerPlanKind.NotDesignated:
                    buffer.Outcomes[p] = Outcome.NotDesignated;
                    continue;
            }

            var all = Tri.True;
            UInt128 missing = UInt128.Zero;
            int[] indices = power.ClauseIndices;
            for (int k = 0; k < indices.Length; k++)
            {
                int index = indices[k];
                var status = statuses[index];
                all = TriLogic.And(all, status);
                if (status == Tri.Unknown)
                {
                    missing |= clauses[index].FactMask & unknownFacts;
                }
            }

            var outcome = all switch
            {
                Tri.True => Outcome.Permitted,
                Tri.False => Outcome.Denied,
                _ => Outcome.Undetermined,
            };
            buffer.Outcomes[p] = outcome;
            buffer.Missing[p] = outcome == Outcome.Undetermined ? missing : UInt128.Zero;
        }
    }
}
