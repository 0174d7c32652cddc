using System.Runtime.CompilerServices;
using Powers.Binding;
using Powers.Evaluation;
using Powers.Model;
using Powers.Planning;

namespace Powers.Analysis;

/// <summary>
/// Partial evaluation of an undetermined power: substitutes the known facts into its unknown clauses, simplifies,
/// and searches the missing facts' domains (known values only: a completion gives them) for a permitting and a
/// non-permitting completion, so the condition printed is <c>false</c> exactly when nothing permits and
/// <c>true</c> exactly when everything does. Runs only when an explanation is asked for, never on the hot path,
/// and within an <see cref="AnalysisBudget"/>: a search that runs out says so instead of answering.
/// </summary>
internal static class ResidualAnalyzer
{
    private static readonly ConditionalWeakTable<Clause, Term> Terms = [];

    /// <summary>The residual of a power decided undetermined, within a budget.</summary>
    /// <param name="plan">The plan.</param>
    /// <param name="power">The power's index in the plan.</param>
    /// <param name="statuses">The status of every clause of the plan (<see cref="DecisionBuffer.Statuses"/>).</param>
    /// <param name="situation">The situation decided.</param>
    /// <param name="missing">The missing facts of the power, as a mask.</param>
    /// <param name="meter">The call's budget; this residual's steps count from zero.</param>
    /// <returns>The residual, or one with a null condition that says why the search stopped.</returns>
    public static Residual Compute(DecisionPlan plan, int power, ReadOnlySpan<Tri> statuses, Situation situation, UInt128 missing, AnalysisMeter meter)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(situation);
        ArgumentNullException.ThrowIfNull(meter);
        meter.Restart();
        meter.Power = plan.PowerArray[power].Power.Id;
        var clauses = plan.ClauseArray;
        var unknown = new List<Term>();
        foreach (int index in plan.PowerArray[power].ClauseIndices)
        {
            if (statuses[index] == Tri.Unknown)
            {
                unknown.Add(PartialEvaluator.Substitute(TermOf(clauses[index]), situation, situation.KnownMask));
            }
        }

        var residual = PartialEvaluator.Junction(true, [.. unknown]);
        var schema = plan.Library.Schema;
        var domains = FactDomains.Build(schema, [residual], missing, situation);
        var search = new SituationSearch(schema, domains, missing, includeUnknown: false, meter: meter);
        var probe = situation.Clone();
        List<FactValue>? example = null;
        search.Run([residual], probe, situation.KnownMask, (terms, s, fixedMask) =>
        {
            if (terms[0] is not ConstTerm { Value: Tri.True })
            {
                return false;
            }

            example = Example(schema, domains, s, fixedMask, missing);
            return true;
        });

        if (search.Stopped)
        {
            return Residual.StoppedBy(Reason(meter));
        }

        if (example is null)
        {
            return new Residual("false", null);
        }

        var refutation = new SituationSearch(schema, domains, missing, includeUnknown: false, meter: meter);
        bool refutable = refutation.Run([residual], situation.Clone(), situation.KnownMask, static (terms, _, _) => terms[0] is not ConstTerm { Value: Tri.True });
        if (refutation.Stopped)
        {
            return Residual.StoppedBy(Reason(meter));
        }

        return new Residual(refutable ? ConditionPrinter.Print(residual, situation) : "true", example);
    }

    /// <summary>The residual of every undetermined power of a filled buffer, by plan index (null where not undetermined).</summary>
    public static Residual?[] ComputeAll(DecisionPlan plan, DecisionBuffer buffer, Situation situation, AnalysisMeter meter)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(buffer);
        var result = new Residual?[plan.PowerArray.Length];
        for (int p = 0; p < result.Length; p++)
        {
            if (buffer.Outcomes[p] == Outcome.Undetermined)
            {
                result[p] = Compute(plan, p, buffer.Statuses, situation, buffer.Missing[p], meter);
            }
        }

        return result;
    }

    // The reason an explanation prints: what ran out of the budget, the same words for the same stop on any machine.
    private static string Reason(AnalysisMeter meter) => meter.Stopped!.Limit switch
    {
        AnalysisLimit.Time => "stopped after " + meter.Budget.TimeLimit.TotalMilliseconds.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) + " ms (the analysis budget)",
        AnalysisLimit.Cancelled => "cancelled (the analysis budget)",
        _ => "stopped after " + meter.Budget.MaxSteps.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) + " steps (the analysis budget)",
    };

    internal static Term TermOf(Clause clause) => Terms.GetValue(clause, static c => TermBuilder.Build(c.Expression));

    private static List<FactValue> Example(FactSchema schema, FactDomains domains, Situation s, UInt128 fixedMask, UInt128 missing)
    {
        var values = new List<FactValue>();
        foreach (var fact in schema.Facts)
        {
            if ((missing >> fact.Index & UInt128.One) == UInt128.Zero)
            {
                continue;
            }

            // A missing fact the search never had to fix does not matter; any value of its domain permits.
            int value = (fixedMask >> fact.Index & UInt128.One) != UInt128.Zero ? s.ValueAt(fact.Index) : domains.ValuesOf(fact)[0];
            values.Add(new FactValue(fact, value));
        }

        return values;
    }
}
