using Powers.Model;

namespace Powers.Evaluation;

/// <summary>Builds a <see cref="DecisionPlan"/>: which powers are in force, which are conferred, and their clauses.</summary>
public static class PlanBuilder
{
    /// <summary>Plans decisions for a version (or none), a designation and an optional date.</summary>
    public static DecisionPlan Build(RuleLibrary library, RuleSetVersion? version, Designation designation, DateOnly? date)
    {
        ArgumentNullException.ThrowIfNull(library);
        ArgumentNullException.ThrowIfNull(designation);
        var catalogue = library.Powers;
        var conferred = new bool?[catalogue.Count];
        bool designationActive = date is null || designation.Effective.Contains(date.Value);
        var clauses = new List<Clause>();
        var clauseIndex = new Dictionary<Clause, int>(ReferenceEqualityComparer.Instance);
        var plans = new PowerPlan[catalogue.Count];

        for (int p = 0; p < catalogue.Count; p++)
        {
            var power = catalogue[p];
            if (version is null)
            {
                plans[p] = new PowerPlan(power, PowerPlanKind.NotInForce, null, [], date is null ? "No version of the law is selected." : "No version of the law is in force on " + EffectiveRange.Format(date.Value) + ".");
                continue;
            }

            if (!InForce(version, power.Id, designation, out var rule, out string? reason))
            {
                plans[p] = new PowerPlan(power, PowerPlanKind.NotInForce, rule, [], reason);
                continue;
            }

            if (!IsConferred(library, version, designation, designationActive, power.Id, conferred, 0))
            {
                plans[p] = new PowerPlan(power, PowerPlanKind.NotDesignated, rule, [], NotConferredReason(library, version, designation, designationActive, rule!, conferred));
                continue;
            }

            var indices = new List<int>();
            foreach (var general in version.General)
            {
                if (!general.Except.Contains(power.Id))
                {
                    indices.Add(IndexOf(general.Clause, clauses, clauseIndex));
                }
            }

            foreach (var clause in rule!.Clauses)
            {
                indices.Add(IndexOf(clause, clauses, clauseIndex));
            }

            foreach (var restriction in designation.Restrictions)
            {
                if (restriction.AppliesTo(power.Id))
                {
                    indices.Add(IndexOf(restriction.Clause, clauses, clauseIndex));
                }
            }

            plans[p] = new PowerPlan(power, PowerPlanKind.Evaluate, rule, [.. indices], null);
        }

        return new DecisionPlan(library, version, designation, date, plans, [.. clauses]);
    }

    private static bool InForce(RuleSetVersion version, string powerId, Designation designation, out PowerRule? rule, out string? reason)
    {
        if (!version.Powers.TryGetValue(powerId, out rule))
        {
            reason = version.Id + " does not confer this power on CSOs.";
            return false;
        }

        if (rule.Forces is { } forces && !forces.Contains(designation.Force))
        {
            reason = version.Id + " brings this power into force only for the forces " + string.Join(", ", forces.Order(StringComparer.Ordinal)) + ", not for '" + designation.Force + "'.";
            return false;
        }

        reason = null;
        return true;
    }

    private static bool IsConferred(RuleLibrary library, RuleSetVersion version, Designation designation, bool designationActive, string powerId, bool?[] memo, int depth)
    {
        int index = library.IndexOfPower(powerId);
        if (index < 0 || depth > memo.Length)
        {
            return false;
        }

        if (memo[index] is { } known)
        {
            return known;
        }

        memo[index] = false; // a requires cycle is rejected by the compiler; this guard keeps recursion finite regardless
        // Standard powers belong to every CSO, and a person is a CSO only while a designation is in force.
        bool inForce = InForce(version, powerId, designation, out var rule, out _);
        bool result = designationActive && inForce
            && (designation.Powers.Contains(powerId) || version.Standard.Contains(powerId));
        if (result)
        {
            foreach (string required in rule!.Requires)
            {
                if (!IsConferred(library, version, designation, designationActive, required, memo, depth + 1))
                {
                    result = false;
                    break;
                }
            }
        }

        memo[index] = result;
        return result;
    }

    private static string NotConferredReason(RuleLibrary library, RuleSetVersion version, Designation designation, bool designationActive, PowerRule rule, bool?[] memo)
    {
        string who = designation.Id is null ? "the designation" : "designation '" + designation.Id + "'";
        if (!designationActive)
        {
            return who + " is not in force on that date (" + designation.Effective + "), so it confers nothing, standard powers included: they belong only to a designated CSO.";
        }

        bool granted = designation.Powers.Contains(rule.Id) || version.Standard.Contains(rule.Id);
        if (granted)
        {
            var missing = rule.Requires.Where(r => memo[library.IndexOfPower(r)] != true);
            return "Conferred only together with " + string.Join(", ", missing) + ", which this CSO does not have (" + rule.Cite + ").";
        }

        return "Not conferred by " + who + ", and not a standard power in " + version.Id + ".";
    }

    private static int IndexOf(Clause clause, List<Clause> clauses, Dictionary<Clause, int> index)
    {
        if (!index.TryGetValue(clause, out int i))
        {
            i = clauses.Count;
            clauses.Add(clause);
            index.Add(clause, i);
        }

        return i;
    }
}
