using Powers.Binding;
using Powers.Model;

namespace Powers.Evaluation;

/// <summary>A whole decision: the version and designation applied, and an outcome for every power of the library.</summary>
public sealed class Decision
{
    internal Decision(DecisionPlan plan, IReadOnlyList<PowerDecision> powers)
    {
        Plan = plan;
        Powers = powers;
    }

    /// <summary>The plan it was made with.</summary>
    public DecisionPlan Plan { get; }

    /// <summary>The version of the law applied, or null.</summary>
    public RuleSetVersion? Version => Plan.Version;

    /// <summary>The designation.</summary>
    public Designation Designation => Plan.Designation;

    /// <summary>The date, if the query gave one.</summary>
    public DateOnly? Date => Plan.Date;

    /// <summary>Every power of the library, in catalogue order.</summary>
    public IReadOnlyList<PowerDecision> Powers { get; }

    /// <summary>The decision for a power id, or null.</summary>
    public PowerDecision? Find(string powerId) => Powers.FirstOrDefault(p => p.Power == powerId);

    /// <summary>Builds the rich decision from a filled buffer.</summary>
    public static Decision FromBuffer(DecisionPlan plan, DecisionBuffer buffer)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(buffer);
        var schema = plan.Library.Schema;
        var powers = new PowerDecision[plan.PowerArray.Length];
        for (int p = 0; p < powers.Length; p++)
        {
            var power = plan.PowerArray[p];
            var clauses = new ClauseResult[power.ClauseIndices.Length];
            for (int k = 0; k < clauses.Length; k++)
            {
                int index = power.ClauseIndices[k];
                clauses[k] = new ClauseResult(plan.ClauseArray[index], buffer.Statuses[index]);
            }

            var missing = new List<FactSymbol>();
            ulong mask = buffer.Missing[p];
            foreach (var fact in schema.Facts)
            {
                if ((mask >> fact.Index & 1) != 0)
                {
                    missing.Add(fact);
                }
            }

            powers[p] = new PowerDecision(power, buffer.Outcomes[p], clauses, missing);
        }

        return new Decision(plan, powers);
    }
}
