using Powers.Analysis;
using Powers.Binding;
using Powers.Deciding;
using Powers.Diagnostics;
using Powers.Evaluation;
using Powers.Model;
using Powers.Planning;
using Powers.Properties.Tests.Generators;
using Powers.Properties.Tests.Support;
using Powers.Syntax.Expressions;
using Powers.TestSupport;

namespace Powers.Properties.Tests.Analysis;

/// <summary>
/// powers diff between two generated rule sets: every example, decided under each, gives the change's outcomes; and
/// any complete situation decided differently falls under the 'when' of a change with exactly those outcomes.
/// </summary>
public class DiffProperties
{
    [PowersProperty(5)]
    public void Diff_GeneratedRuleSets_ExamplesChangeAndWhenCoversEveryChange(DiffCase generated)
    {
        var a = generated.From.Library;
        var b = generated.To.Library;
        var ints = LibraryConstants.IntCandidates(a).Zip(LibraryConstants.IntCandidates(b), (x, y) => x.Union(y).Order().ToArray()).ToArray();
        var random = new Random(5);
        foreach (var query in generated.Queries)
        {
            var designationB = Designation.AdHoc(query.Designation.Force, query.Designation.Powers, query.Designation.Made);
            var planA = PlanBuilder.Build(a, a.Versions[0], query.Designation, null);
            var planB = PlanBuilder.Build(b, b.Versions[0], designationB, null);
            var changes = OutcomeDiffer.Diff(planA, planB);
            var bufferA = planA.CreateBuffer();
            var bufferB = planB.CreateBuffer();
            foreach (var change in changes)
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
                    throw new PropertyViolationException(change.Power + ": example " + string.Join(", ", change.Example) + " gives " + bufferA.Outcomes[p] + " -> " + bufferB.Outcomes[p] + ", not " + change.From + " -> " + change.To + "; " + generated);
                }
            }

            // A complete situation: the query's known facts, the rest drawn from the candidate values.
            var complete = query.Situation.Clone();
            foreach (var fact in a.Schema.Facts.Where(f => !complete.IsKnown(f.Index)))
            {
                complete.Set(fact.Index, fact.Kind switch
                {
                    FactKind.Bool => random.Next(2),
                    FactKind.Enum => random.Next(fact.Values.Count),
                    _ => ints[fact.Index][random.Next(ints[fact.Index].Length)],
                });
            }

            PlanDecider.Decide(planA, complete, ReferenceInterpreter.Instance, bufferA);
            PlanDecider.Decide(planB, complete, ReferenceInterpreter.Instance, bufferB);
            for (int p = 0; p < bufferA.Outcomes.Length; p++)
            {
                if (bufferA.Outcomes[p] == bufferB.Outcomes[p])
                {
                    continue;
                }

                var power = a.Powers[p].Id;
                var change = changes.SingleOrDefault(c => c.Power == power && c.From == bufferA.Outcomes[p] && c.To == bufferB.Outcomes[p])
                    ?? throw new PropertyViolationException(power + " changes " + bufferA.Outcomes[p] + " -> " + bufferB.Outcomes[p] + " on " + query.With(complete.Clone()) + " but diff reports no such change; " + generated);
                // A 'when' is exact unless two integer facts are compared with each other (then marked not exact). It can
                // also grow longer than the parser takes (4,096 characters); only those that can be read back are checked.
                if (change.Exact && change.When.Length <= 4096 && ReferenceInterpreter.Evaluate(Bind(a, change.When), complete) != Tri.True)
                {
                    throw new PropertyViolationException(power + ": 'when' " + change.When + " does not hold on " + query.With(complete.Clone()) + "; " + generated);
                }
            }
        }
    }

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
