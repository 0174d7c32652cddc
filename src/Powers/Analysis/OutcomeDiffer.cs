using System.Globalization;
using System.Text;
using Powers.Binding;
using Powers.Evaluation;
using Powers.Model;
using Powers.Planning;

namespace Powers.Analysis;

/// <summary>
/// Compares two plans power by power over every situation in which the facts the power reads (under either plan) are
/// known: enumerates them by class with pruning, groups the situations whose outcome differs by the pair of
/// outcomes, merges them into few cubes and prints each group as a condition. Situations with unknown facts are not
/// compared: the expression language cannot say "unknown", and a change of rule shows on known facts.
/// </summary>
public static class OutcomeDiffer
{
    /// <summary>The changes of every power (matched by id), in catalogue order of <paramref name="from"/>.</summary>
    public static IReadOnlyList<OutcomeChange> Diff(DecisionPlan from, DecisionPlan to, string? onlyPower = null)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        var changes = new List<OutcomeChange>();
        for (int p = 0; p < from.PowerArray.Length; p++)
        {
            string id = from.PowerArray[p].Power.Id;
            int q = to.Library.IndexOfPower(id);
            if (q < 0 || (onlyPower is not null && onlyPower != id))
            {
                continue;
            }

            changes.AddRange(DiffPower(from, p, to, q));
        }

        return changes;
    }

    private static IEnumerable<OutcomeChange> DiffPower(DecisionPlan a, int p, DecisionPlan b, int q)
    {
        var (termsA, fixedA) = Terms(a, p);
        var (termsB, fixedB) = Terms(b, q);
        var terms = termsA.Concat(termsB).ToArray();
        var schema = a.Library.Schema;
        ulong reads = 0;
        foreach (var t in terms)
        {
            reads |= t.Mask;
        }

        var facts = schema.Facts.Where(f => (reads >> f.Index & 1) != 0).ToArray();
        var domains = FactDomains.Build(schema, terms, reads);
        var groups = new Dictionary<(Outcome, Outcome), (List<Cube> Cubes, List<FactValue> Example)>();
        void Record(Outcome outcomeA, Outcome outcomeB, Situation s, ulong fixedMask)
        {
            var sets = new int[]?[facts.Length];
            for (int k = 0; k < facts.Length; k++)
            {
                if ((fixedMask >> facts[k].Index & 1) != 0)
                {
                    sets[k] = [Array.IndexOf(domains.ValuesOf(facts[k]), s.ValueAt(facts[k].Index))];
                }
            }

            if (!groups.TryGetValue((outcomeA, outcomeB), out var group))
            {
                group = ([], AssertionVerifier.Known(schema, s, fixedMask));
                groups.Add((outcomeA, outcomeB), group);
            }

            group.Cubes.Add(new Cube(sets));
        }

        // A branch stops as soon as both outcomes are settled (a failed clause denies whatever the rest say), so a
        // cube fixes only the facts that matter.
        var search = new SituationSearch(schema, domains, reads, includeUnknown: false, prune: (t, s, fixedMask) =>
        {
            if ((fixedA ?? Settled(t, 0, termsA.Length)) is not { } outcomeA || (fixedB ?? Settled(t, termsA.Length, t.Length)) is not { } outcomeB)
            {
                return false;
            }

            if (outcomeA != outcomeB)
            {
                Record(outcomeA, outcomeB, s, fixedMask);
            }

            return true;
        });
        search.Run(terms, new Situation(schema), 0, static (_, _, _) => false);

        int[] sizes = facts.Select(f => domains.ValuesOf(f).Length).ToArray();
        foreach (var ((from, to), group) in groups.OrderBy(g => g.Key.Item1).ThenBy(g => g.Key.Item2))
        {
            var merged = Cube.Merge(group.Cubes, sizes);
            yield return new OutcomeChange(a.PowerArray[p].Power.Id, from, to, Print(merged, facts, domains), group.Example, !domains.HasLinkedIntegers);
        }
    }

    private static (Term[] Terms, Outcome? Fixed) Terms(DecisionPlan plan, int power)
    {
        var pp = plan.PowerArray[power];
        return pp.Kind switch
        {
            PowerPlanKind.NotInForce => ([], Outcome.NotInForce),
            PowerPlanKind.NotDesignated => ([], Outcome.NotDesignated),
            _ => (pp.ClauseIndices.Select(i => ResidualAnalyzer.TermOf(plan.ClauseArray[i])).ToArray(), null),
        };
    }

    /// <summary>The outcome of clauses start..end when every completion gives the same one, else null.</summary>
    private static Outcome? Settled(Term[] terms, int start, int end)
    {
        var all = Tri.True;
        bool open = false;
        for (int i = start; i < end; i++)
        {
            if (terms[i] is not ConstTerm c)
            {
                open = true;
                continue;
            }

            if (c.Value == Tri.False)
            {
                return Outcome.Denied;
            }

            all = TriLogic.And(all, c.Value);
        }

        return open ? null : all == Tri.True ? Outcome.Permitted : Outcome.Undetermined;
    }

    private static string Print(List<Cube> cubes, FactSymbol[] facts, FactDomains domains)
    {
        var parts = cubes.Select(c => PrintCube(c, facts, domains)).ToList();
        if (parts.Any(p => p.Length == 0))
        {
            return "true";
        }

        return parts.Count == 1 ? parts[0] : string.Join(" or ", parts.Select(p => p.Contains(" and ", StringComparison.Ordinal) || p.Contains(" or ", StringComparison.Ordinal) ? "(" + p + ")" : p));
    }

    private static string PrintCube(Cube cube, FactSymbol[] facts, FactDomains domains)
    {
        var conditions = new List<string>();
        for (int k = 0; k < facts.Length; k++)
        {
            if (cube.Sets[k] is { } set)
            {
                conditions.Add(FactCondition(facts[k], domains.ValuesOf(facts[k]), set));
            }
        }

        return string.Join(" and ", conditions);
    }

    private static string FactCondition(FactSymbol fact, int[] domain, int[] set)
    {
        switch (fact.Kind)
        {
            case FactKind.Bool:
                return domain[set[0]] != 0 ? fact.Name : "not " + fact.Name;
            case FactKind.Enum:
                if (set.Length == 1)
                {
                    return fact.Name + " == " + ConditionPrinter.Value(fact, domain[set[0]]);
                }

                if (set.Length == domain.Length - 1)
                {
                    int other = Enumerable.Range(0, domain.Length).First(i => !set.Contains(i));
                    return fact.Name + " != " + ConditionPrinter.Value(fact, domain[other]);
                }

                return fact.Name + " in [" + string.Join(", ", set.Select(i => ConditionPrinter.Value(fact, domain[i]))) + "]";
            default:
                return IntegerCondition(fact, domain, set);
        }
    }

    /// <summary>Each domain point stands for the integers up to the next point; consecutive points join into ranges.</summary>
    private static string IntegerCondition(FactSymbol fact, int[] domain, int[] set)
    {
        var ranges = new List<string>();
        int i = 0;
        while (i < set.Length)
        {
            int j = i;
            while (j + 1 < set.Length && set[j + 1] == set[j] + 1)
            {
                j++;
            }

            int lo = domain[set[i]];
            int? next = set[j] + 1 < domain.Length ? domain[set[j] + 1] : null;
            string name = fact.Name;
            string Text(int v) => v.ToString(CultureInfo.InvariantCulture);
            ranges.Add(next is { } n
                ? n == lo + 1 ? name + " == " + Text(lo)
                : set[i] == 0 ? name + " < " + Text(n) : name + " >= " + Text(lo) + " and " + name + " < " + Text(n)
                : name + " >= " + Text(lo));
            i = j + 1;
        }

        var b = new StringBuilder();
        for (int k = 0; k < ranges.Count; k++)
        {
            b.Append(k == 0 ? string.Empty : " or ");
            b.Append(ranges.Count > 1 && ranges[k].Contains(" and ", StringComparison.Ordinal) ? "(" + ranges[k] + ")" : ranges[k]);
        }

        return ranges.Count > 1 ? "(" + b + ")" : b.ToString();
    }
}
