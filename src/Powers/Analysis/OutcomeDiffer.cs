using Powers.Binding;
using Powers.Evaluation;
using Powers.Model;
using Powers.Planning;

namespace Powers.Analysis;

/// <summary>
/// Compares two plans power by power over every situation in which the facts the power reads (under either plan) are
/// known: enumerates them by class with pruning, groups the situations whose outcome differs by the pair of
/// outcomes, merges them into few cubes and prints each group as a factored condition. Situations with unknown facts
/// are not compared: the expression language cannot say "unknown", and a change of rule shows on known facts. The
/// search and the cases it keeps are bounded by an <see cref="AnalysisBudget"/>.
/// </summary>
internal static class OutcomeDiffer
{
    /// <summary>
    /// The changes of every power (matched by id), in catalogue order of <paramref name="from"/>, within
    /// <see cref="AnalysisBudget.Default"/>; throws <see cref="InvalidOperationException"/> with the reason when the
    /// comparison needs more (use the overload with a budget to get that as a result).
    /// </summary>
    public static IReadOnlyList<OutcomeChange> Diff(DecisionPlan from, DecisionPlan to, string? onlyPower = null)
    {
        var diff = Compare(from, to, onlyPower, AnalysisBudget.Default);
        return diff.Stopped is { } stop ? throw new InvalidOperationException("The comparison is too large: " + stop.Message + ".") : diff.Changes;
    }

    /// <summary>
    /// The changes of every power (matched by id, or only <paramref name="onlyPower"/>), in catalogue order of
    /// <paramref name="from"/>, within <paramref name="budget"/>: when it runs out the result says why and holds the
    /// changes of the powers compared before, never a partial condition.
    /// </summary>
    public static OutcomeDiff Compare(DecisionPlan from, DecisionPlan to, string? onlyPower, AnalysisBudget budget)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        ArgumentNullException.ThrowIfNull(budget);
        var meter = new AnalysisMeter(budget);
        var changes = new List<OutcomeChange>();
        for (int p = 0; p < from.PowerArray.Length; p++)
        {
            string id = from.PowerArray[p].Power.Id;
            int q = to.Library.IndexOfPower(id);
            if (q < 0 || (onlyPower is not null && onlyPower != id))
            {
                continue;
            }

            meter.Power = id;
            var power = DiffPower(from, p, to, q, meter);
            if (meter.Stopped is { } stop)
            {
                return new OutcomeDiff(changes, stop) { Steps = meter.Steps };
            }

            changes.AddRange(power);
        }

        return new OutcomeDiff(changes, null) { Steps = meter.Steps };
    }

    private static List<OutcomeChange> DiffPower(DecisionPlan a, int p, DecisionPlan b, int q, AnalysisMeter meter)
    {
        var (termsA, fixedA) = Terms(a, p);
        var (termsB, fixedB) = Terms(b, q);
        // B's atoms that print as one of A's are replaced by it, so a clause both versions share is one object and a
        // branch where both sides are left with the same clauses is seen to change nothing.
        termsB = AtomSharing.Share(termsA, termsB);
        var terms = termsA.Concat(termsB).ToArray();
        var schema = a.Library.Schema;
        UInt128 reads = UInt128.Zero;
        foreach (var t in terms)
        {
            reads |= t.Mask;
        }

        var facts = schema.Facts.Where(f => (reads >> f.Index & UInt128.One) != UInt128.Zero).ToArray();
        var domains = FactDomains.Build(schema, terms, reads);
        int[] sizes = facts.Select(f => domains.ValuesOf(f).Length).ToArray();
        var groups = new Dictionary<(Outcome, Outcome), ChangeGroup>();
        long kept = 0;
        SituationSearch? search = null;
        void Record(Outcome outcomeA, Outcome outcomeB, Situation s, UInt128 fixedMask)
        {
            var sets = new int[]?[facts.Length];
            for (int k = 0; k < facts.Length; k++)
            {
                if ((fixedMask >> facts[k].Index & UInt128.One) != UInt128.Zero)
                {
                    sets[k] = search!.Chosen(facts[k].Index) is { } chosen && chosen.Length < sizes[k] ? chosen : null;
                }
            }

            if (!groups.TryGetValue((outcomeA, outcomeB), out var group))
            {
                group = new ChangeGroup(AssertionVerifier.Known(schema, s, fixedMask));
                groups.Add((outcomeA, outcomeB), group);
            }

            kept += group.Add(new Cube(sets), sizes);
            meter.Keep(kept);
        }

        // A branch stops as soon as both outcomes are settled (a failed clause denies whatever the rest say), or when
        // both sides are left with the same clauses, so a cube fixes only the facts that matter.
        search = new SituationSearch(schema, domains, reads, includeUnknown: false, meter: meter, prune: (t, s, fixedMask) =>
        {
            var outcomeA = fixedA ?? Settled(t, 0, termsA.Length);
            var outcomeB = fixedB ?? Settled(t, termsA.Length, t.Length);
            if (outcomeA is { } oa && outcomeB is { } ob)
            {
                if (oa != ob)
                {
                    Record(oa, ob, s, fixedMask);
                }

                return true;
            }

            return fixedA is null && fixedB is null && SameClauses(t, termsA.Length);
        });
        search.Run(terms, new Situation(schema), 0, static (_, _, _) => false);
        if (meter.Stopped is not null)
        {
            return [];
        }

        var changes = new List<OutcomeChange>();
        foreach (var ((from, to), group) in groups.OrderBy(g => g.Key.Item1).ThenBy(g => g.Key.Item2))
        {
            var merged = Cube.Merge(group.Cubes, sizes);
            string when = ConditionFactoring.Print(merged, facts, domains, sizes);
            changes.Add(new OutcomeChange(a.PowerArray[p].Power.Id, from, to, when, group.Example, !domains.HasLinkedIntegers));
        }

        return changes;
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

    /// <summary>
    /// Whether the clauses left on both sides are the same set (true ones aside), so every completion gives both the
    /// same outcome (the outcome of a set of clauses on known facts is their conjunction).
    /// </summary>
    private static bool SameClauses(Term[] terms, int split)
    {
        for (int i = 0; i < terms.Length; i++)
        {
            if (terms[i] is ConstTerm { Value: Tri.True })
            {
                continue;
            }

            int start = i < split ? split : 0;
            int end = i < split ? terms.Length : split;
            bool found = false;
            for (int j = start; j < end && !found; j++)
            {
                found = TermShape.Equal(terms[i], terms[j]);
            }

            if (!found)
            {
                return false;
            }
        }

        return true;
    }
}
