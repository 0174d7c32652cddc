using Powers.Model;

namespace Powers.Planning;

/// <summary>Builds a <see cref="DecisionPlan"/>: which powers are in force, which are conferred, and their clauses.</summary>
internal static class PlanBuilder
{
    /// <summary>Plans decisions for a version (or none), a designation and an optional date.</summary>
    public static DecisionPlan Build(RuleLibrary library, RuleSetVersion? version, Designation designation, DateOnly? date)
    {
        ArgumentNullException.ThrowIfNull(library);
        ArgumentNullException.ThrowIfNull(designation);
        var catalogue = library.Powers;
        var plans = new PowerPlan[catalogue.Count];
        if (version is null)
        {
            string reason = date is null ? "No version of the law is selected." : "No version of the law is in force on " + EffectiveRange.Format(date.Value) + ".";
            for (int p = 0; p < catalogue.Count; p++)
            {
                plans[p] = new PowerPlan(catalogue[p], PowerPlanKind.NotInForce, null, [], reason);
            }

            return new DecisionPlan(library, version, designation, date, plans, []);
        }

        var routes = new PowerRoutes(library, version, designation, date);
        var clauses = new List<Clause>();
        var clauseIndex = new Dictionary<Clause, int>(ReferenceEqualityComparer.Instance);
        for (int p = 0; p < catalogue.Count; p++)
        {
            var power = catalogue[p];
            var route = routes.RouteOf(p);
            if (!route.InForce)
            {
                plans[p] = new PowerPlan(power, PowerPlanKind.NotInForce, route.Rule, [], route.Reason) { Uncertain = route.Uncertain };
                continue;
            }

            if (!routes.IsConferred(p))
            {
                plans[p] = new PowerPlan(power, PowerPlanKind.NotDesignated, route.Rule, [], routes.NotConferredReason(p)) { Uncertain = routes.NotConferredUncertainty(p) };
                continue;
            }

            var indices = new List<int>();
            List<(Clause, UncertainReading)>? open = null;
            foreach (var general in route.Version.General)
            {
                if (!general.Except.Contains(power.Id) && routes.Binds(general.Clause))
                {
                    indices.Add(IndexOf(routes.Specialize(general.Clause), clauses, clauseIndex));
                }
            }

            foreach (var clause in route.Rule!.Clauses)
            {
                if (!routes.Binds(clause))
                {
                    continue;
                }

                var specialized = routes.Specialize(clause);
                indices.Add(IndexOf(specialized, clauses, clauseIndex));
                foreach (string asked in clause.GrantedPowers)
                {
                    if (routes.OpenQuestion(asked) is { } question)
                    {
                        (open ??= []).Add((specialized, question));
                    }
                }
            }

            foreach (var restriction in designation.Restrictions)
            {
                if (restriction.AppliesTo(power.Id))
                {
                    indices.Add(IndexOf(routes.Specialize(restriction.Clause), clauses, clauseIndex));
                }
            }

            // A reconstructed designation matters only where the power rests on it: not for a standard power.
            bool restsOnDesignation = designation.Powers.Contains(power.Id) && (route.Preserved is not null || !route.Version.Standard.Contains(power.Id));
            var uncertain = restsOnDesignation ? [.. route.Uncertain, .. routes.DesignationUncertainty()] : route.Uncertain;
            plans[p] = new PowerPlan(power, PowerPlanKind.Evaluate, route.Rule, [.. indices], null) { Uncertain = uncertain, OpenClauses = open ?? (IReadOnlyList<(Clause, UncertainReading)>)[] };
        }

        return new DecisionPlan(library, version, designation, date, plans, [.. clauses]);
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
