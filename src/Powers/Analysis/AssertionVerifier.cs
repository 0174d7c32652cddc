using Powers.Binding;
using Powers.Evaluation;
using Powers.Model;
using Powers.Planning;

namespace Powers.Analysis;

/// <summary>
/// Proves an assertion over every situation (every fact known or unknown, every enum value, every integer class)
/// for every plan in its scope, or finds a counterexample. Per plan and power only the facts that power's clauses
/// and the assertion's <c>when</c> read are enumerated, and a branch is cut as soon as <c>when</c> cannot hold or
/// the outcome is settled and allowed. The search is bounded by an <see cref="AnalysisBudget"/>: an assertion it cannot
/// finish is neither proved nor refuted (<see cref="AssertionResult.Stopped"/> says why).
/// </summary>
internal static class AssertionVerifier
{
    /// <summary>Verifies every assertion of the library, in order, within <see cref="AnalysisBudget.Default"/>.</summary>
    public static IReadOnlyList<AssertionResult> VerifyAll(RuleLibrary library) => VerifyAll(library, AnalysisBudget.Default);

    /// <summary>
    /// Verifies every assertion of the library, in order, all within one <paramref name="budget"/>: once it runs out,
    /// the assertion being checked and every one after it are reported stopped, with the reason.
    /// </summary>
    public static IReadOnlyList<AssertionResult> VerifyAll(RuleLibrary library, AnalysisBudget budget)
    {
        ArgumentNullException.ThrowIfNull(library);
        ArgumentNullException.ThrowIfNull(budget);
        var meter = new AnalysisMeter(budget);
        return library.Assertions.Select(a => meter.Stopped is { } stop ? new AssertionResult(a, null, 0, 0) { Stopped = stop } : Verify(library, a, meter)).ToArray();
    }

    /// <summary>Verifies one assertion within <see cref="AnalysisBudget.Default"/>.</summary>
    public static AssertionResult Verify(RuleLibrary library, Assertion assertion) => Verify(library, assertion, AnalysisBudget.Default);

    /// <summary>Verifies one assertion within <paramref name="budget"/>.</summary>
    public static AssertionResult Verify(RuleLibrary library, Assertion assertion, AnalysisBudget budget)
    {
        ArgumentNullException.ThrowIfNull(library);
        ArgumentNullException.ThrowIfNull(assertion);
        ArgumentNullException.ThrowIfNull(budget);
        return Verify(library, assertion, new AnalysisMeter(budget));
    }

    private static AssertionResult Verify(RuleLibrary library, Assertion assertion, AnalysisMeter meter)
    {
        var when = TermBuilder.Build(assertion.When);
        int plans = 0;
        long leaves = 0;
        foreach (var plan in AssertionScope.Plans(library, assertion))
        {
            plans++;
            for (int p = 0; p < plan.PowerArray.Length; p++)
            {
                var power = plan.PowerArray[p];
                if (assertion.Powers is { } powers && !powers.Contains(power.Power.Id))
                {
                    continue;
                }

                meter.Power = power.Power.Id;
                var found = Check(plan, p, when, assertion, meter, ref leaves);
                if (meter.Stopped is { } stop)
                {
                    return new AssertionResult(assertion, null, plans, leaves) { Stopped = stop };
                }

                if (found is not null)
                {
                    return new AssertionResult(assertion, found, plans, leaves);
                }
            }
        }

        return new AssertionResult(assertion, null, plans, leaves);
    }

    /// <summary>The first situation (in enumeration order) where the power breaks the assertion, or null.</summary>
    internal static Counterexample? Check(DecisionPlan plan, int powerIndex, Term when, Assertion assertion, AnalysisMeter meter, ref long leaves)
    {
        var power = plan.PowerArray[powerIndex];
        var fixedOutcome = power.FixedOutcome;

        if (fixedOutcome is { } o && !assertion.Breaks(o))
        {
            return null;
        }

        var terms = new Term[1 + (fixedOutcome is null ? power.ClauseIndices.Length : 0)];
        terms[0] = when;
        for (int k = 1; k < terms.Length; k++)
        {
            terms[k] = ResidualAnalyzer.TermOf(plan.ClauseArray[power.ClauseIndices[k - 1]]);
        }

        var schema = plan.Library.Schema;
        UInt128 all = schema.Count == FactSchema.MaxFacts ? UInt128.MaxValue : (UInt128.One << schema.Count) - UInt128.One;
        var domains = FactDomains.Build(schema, terms, all);
        var search = new SituationSearch(schema, domains, all, includeUnknown: true, prune: (t, _, _) => Settled(t, assertion), meter: meter);
        var situation = new Situation(schema);
        Counterexample? found = null;
        search.Run(terms, situation, 0, (t, s, fixedMask) =>
        {
            if (t[0] is not ConstTerm { Value: Tri.True })
            {
                return false;
            }

            var outcome = fixedOutcome ?? Fold(t);
            if (!assertion.Breaks(outcome))
            {
                return false;
            }

            found = new Counterexample(plan.Version, plan.Designation, plan.Date, Known(schema, s, fixedMask), power.Power.Id, outcome);
            return true;
        });

        leaves += search.Leaves;
        return found;
    }

    /// <summary>The outcome of evaluated clauses (terms 1..n): any false denies, else any unknown leaves it undetermined.</summary>
    internal static Outcome Fold(Term[] terms)
    {
        var all = Tri.True;
        for (int i = 1; i < terms.Length; i++)
        {
            all = TriLogic.And(all, ((ConstTerm)terms[i]).Value);
        }

        return all switch
        {
            Tri.True => Outcome.Permitted,
            Tri.False => Outcome.Denied,
            _ => Outcome.Undetermined,
        };
    }

    /// <summary>A branch needs no more search when 'when' can no longer hold, or a failed clause already denies and denial is allowed.</summary>
    private static bool Settled(Term[] terms, Assertion assertion)
    {
        if (terms[0] is ConstTerm { Value: not Tri.True })
        {
            return true;
        }

        for (int i = 1; i < terms.Length; i++)
        {
            if (terms[i] is ConstTerm { Value: Tri.False })
            {
                return !assertion.Breaks(Outcome.Denied);
            }
        }

        return false;
    }

    internal static List<FactValue> Known(FactSchema schema, Situation s, UInt128 fixedMask)
    {
        var facts = new List<FactValue>();
        foreach (var fact in schema.Facts)
        {
            if ((fixedMask >> fact.Index & UInt128.One) != UInt128.Zero && s.IsKnown(fact.Index))
            {
                facts.Add(new FactValue(fact, s.ValueAt(fact.Index)));
            }
        }

        return facts;
    }
}
