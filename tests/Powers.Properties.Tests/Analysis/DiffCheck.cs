using Powers.Analysis;
using Powers.Binding;
using Powers.Deciding;
using Powers.Diagnostics;
using Powers.Evaluation;
using Powers.Model;
using Powers.Planning;
using Powers.Properties.Tests.Support;
using Powers.Syntax.Expressions;
using Powers.TestSupport;

namespace Powers.Properties.Tests.Analysis;

/// <summary>
/// What a diff of two plans must satisfy, power by power: each example, decided under each plan, gives the change's
/// outcomes; and a complete situation decided differently falls under the 'when' of a change with exactly those
/// outcomes. A power whose diff ran out of its budget is reported as such, with the limit named, and not checked.
/// </summary>
internal static class DiffCheck
{
    /// <summary>Checks every power; returns the powers whose diff stopped, with why.</summary>
    public static List<AnalysisStop> Check(DecisionPlan planA, DecisionPlan planB, Situation complete, AnalysisBudget budget, Func<string> context)
    {
        ArgumentNullException.ThrowIfNull(planA);
        ArgumentNullException.ThrowIfNull(planB);
        ArgumentNullException.ThrowIfNull(complete);
        ArgumentNullException.ThrowIfNull(context);
        var a = planA.Library;
        var bufferA = planA.CreateBuffer();
        var bufferB = planB.CreateBuffer();
        PlanDecider.Decide(planA, complete, ReferenceInterpreter.Instance, bufferA);
        var outcomesA = bufferA.Outcomes.ToArray();
        PlanDecider.Decide(planB, complete, ReferenceInterpreter.Instance, bufferB);
        var outcomesB = bufferB.Outcomes.ToArray();
        var stops = new List<AnalysisStop>();
        foreach (var power in a.Powers)
        {
            var diff = OutcomeDiffer.Compare(planA, planB, power.Id, budget);
            if (diff.Stopped is { } stop)
            {
                PropertyViolationException.Check(stop.Power == power.Id && stop.Limit is AnalysisLimit.Steps or AnalysisLimit.Cases && diff.Changes.Count == 0, () => "a stopped diff says " + stop + " with " + diff.Changes.Count + " changes; " + context());
                stops.Add(stop);
                continue;
            }

            foreach (var change in diff.Changes)
            {
                var s = new Situation(a.Schema);
                foreach (var v in change.Example)
                {
                    s.Set(v.Fact.Index, v.Value);
                }

                PlanDecider.Decide(planA, s, ReferenceInterpreter.Instance, bufferA);
                PlanDecider.Decide(planB, s, ReferenceInterpreter.Instance, bufferB);
                int p = a.IndexOfPower(change.Power);
                if (bufferA.Outcomes[p] != change.From || bufferB.Outcomes[p] != change.To)
                {
                    throw new PropertyViolationException(change.Power + ": example " + string.Join(", ", change.Example) + " gives " + bufferA.Outcomes[p] + " -> " + bufferB.Outcomes[p] + ", not " + change.From + " -> " + change.To + "; " + context());
                }
            }

            int index = a.IndexOfPower(power.Id);
            if (outcomesA[index] == outcomesB[index])
            {
                continue;
            }

            var found = diff.Changes.SingleOrDefault(c => c.From == outcomesA[index] && c.To == outcomesB[index])
                ?? throw new PropertyViolationException(power.Id + " changes " + outcomesA[index] + " -> " + outcomesB[index] + " on a complete situation but diff reports no such change; " + context());
            // A 'when' is exact unless two integer facts are compared with each other (then marked not exact). It can
            // also grow longer than the parser takes (4,096 characters); only those that can be read back are checked.
            if (found.Exact && found.When.Length <= 4096 && ReferenceInterpreter.Evaluate(Bind(a, found.When), complete) != Tri.True)
            {
                throw new PropertyViolationException(power.Id + ": 'when' " + found.When + " does not hold on the complete situation; " + context());
            }
        }

        return stops;
    }

    /// <summary>The situation with every unknown fact drawn from the candidate values.</summary>
    public static Situation Complete(Situation partial, int[][] ints, Random random)
    {
        ArgumentNullException.ThrowIfNull(partial);
        ArgumentNullException.ThrowIfNull(ints);
        ArgumentNullException.ThrowIfNull(random);
        var complete = partial.Clone();
        foreach (var fact in partial.Schema.Facts.Where(f => !complete.IsKnown(f.Index)))
        {
            complete.Set(fact.Index, fact.Kind switch
            {
                FactKind.Bool => random.Next(2),
                FactKind.Enum => random.Next(fact.Values.Count),
                _ => ints[fact.Index][random.Next(ints[fact.Index].Length)],
            });
        }

        return complete;
    }

    /// <summary>The integer candidates of two libraries: their constants and neighbours.</summary>
    public static int[][] IntCandidates(RuleLibrary a, RuleLibrary b) =>
        LibraryConstants.IntCandidates(a).Zip(LibraryConstants.IntCandidates(b), (x, y) => x.Union(y).Order().ToArray()).ToArray();

    private static BoundExpression Bind(RuleLibrary library, string text)
    {
        var diagnostics = new DiagnosticBag();
        var syntax = ExpressionParser.ParseText(text, diagnostics, out var source);
        var bound = new Binder(library.Schema, source, diagnostics).BindCondition(syntax);
        return diagnostics.ToSortedList().Count > 0
            ? throw new PropertyViolationException("'" + text + "' does not bind: " + string.Join("; ", diagnostics.ToSortedList()))
            : bound;
    }
}
