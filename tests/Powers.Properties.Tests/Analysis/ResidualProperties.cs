using Powers.Analysis;
using Powers.Binding;
using Powers.Diagnostics;
using Powers.Evaluation;
using Powers.Model;
using Powers.Properties.Tests.Generators;
using Powers.Properties.Tests.Support;
using Powers.Queries;
using Powers.Syntax.Expressions;
using Powers.TestSupport;

namespace Powers.Properties.Tests.Analysis;

/// <summary>
/// permittedIf is the exact condition on the missing facts: on every completion of them (every value of each, the
/// integers the library compares with and their neighbours) it holds exactly when the decision on that completion is
/// permitted; it is "false" exactly when no completion permits; and the example permits.
/// </summary>
public class ResidualProperties
{
    [PowersProperty(50)]
    public void PermittedIf_GeneratedRuleSet_AgreesWithEveryCompletion(GeneratedCase generated)
    {
        var library = generated.Generated.Library;
        var ints = LibraryConstants.IntCandidates(library);
        var engine = new PowersEngine(library);
        foreach (var query in generated.Queries)
        {
            Check(engine, query, ints);
        }
    }

    [PowersProperty(100)]
    public void PermittedIf_ShippedLibrary_AgreesWithEveryCompletion(PartialQuery query) =>
        Check(new PowersEngine(ShippedLibrary.Instance), query.Case, LibraryConstants.IntCandidates(ShippedLibrary.Instance));

    private static void Check(PowersEngine engine, QueryCase query, int[][] libraryInts)
    {
        // A missing integer compared with a known one is cut at the known value too, so the oracle tries its neighbours.
        var known = query.Situation.Schema.Facts.Where(f => f.Kind == FactKind.Int && query.Situation.IsKnown(f.Index)).Select(f => query.Situation.ValueAt(f.Index)).ToArray();
        var ints = libraryInts.Select((c, i) => query.Situation.Schema.Facts[i].Kind != FactKind.Int ? c
            : c.Concat(known.SelectMany(v => new[] { v - 1, v, v + 1 })).Where(v => v >= query.Situation.Schema.Facts[i].Min).Distinct().Order().ToArray()).ToArray();
        var decision = engine.Decide(new Query(query.Date, query.Version, query.Designation, query.Situation));
        var explained = decision.Explain(AnalysisBudget.Unlimited);

        // Within a small budget a residual is the same or says it stopped: never another condition.
        var bounded = decision.Explain(new AnalysisBudget { MaxSteps = 8, TimeLimit = Timeout.InfiniteTimeSpan });
        for (int p = 0; p < explained.Count; p++)
        {
            var within = bounded[p].Residual;
            if (within is { Stopped: not null } ? within.Condition is not null || within.Example is not null : within?.Condition != explained[p].PermittedIf)
            {
                throw new PropertyViolationException(explained[p].Power + " within 8 steps: '" + within?.Condition + "', unbounded: '" + explained[p].PermittedIf + "'; " + query);
            }
        }

        foreach (var power in explained)
        {
            if (power.Outcome != Outcome.Undetermined)
            {
                if (power.PermittedIf is not null || power.Example is not null)
                {
                    throw new PropertyViolationException(power.Power + " is " + power.Outcome + " but has a residual; " + query);
                }

                continue;
            }

            string text = power.PermittedIf ?? throw new PropertyViolationException(power.Power + " is undetermined without permittedIf; " + query);
            var condition = Bind(engine, text, query);
            UInt128 missing = UInt128.Zero;
            foreach (var fact in power.Missing)
            {
                missing |= UInt128.One << fact.Index;
            }

            if ((FactUsage.Mask(condition) & ~missing) != UInt128.Zero)
            {
                throw new PropertyViolationException(power.Power + ": permittedIf '" + text + "' reads a fact that is not missing; " + query);
            }

            // Completions enumerates every combination up to its limit and samples beyond it; only then is "nothing permits" known.
            double combinations = power.Missing.Aggregate(1.0, (n, f) => n * (f.Kind switch { FactKind.Bool => 2, FactKind.Enum => f.Values.Count, _ => ints[f.Index].Length }));
            bool exhaustive = combinations <= Completions.ExhaustiveLimit;
            bool anyPermits = false;
            foreach (var completion in Completions.Of(query.Situation, missing, ints, seed: 17))
            {
                bool permitted = engine.Decide(new Query(query.Date, query.Version, query.Designation, completion)).Find(power.Power)!.Outcome == Outcome.Permitted;
                bool holds = ReferenceInterpreter.Evaluate(condition, completion) == Tri.True;
                anyPermits |= permitted;
                if (permitted != holds)
                {
                    throw new PropertyViolationException(power.Power + ": permittedIf '" + text + "' is " + holds + " but the completion is " + (permitted ? "permitted" : "not permitted") + "; " + query.With(completion.Clone()));
                }
            }

            if (text == "false" && anyPermits)
            {
                throw new PropertyViolationException(power.Power + ": permittedIf is false but a completion permits; " + query);
            }

            if (exhaustive && text != "false" && !anyPermits)
            {
                throw new PropertyViolationException(power.Power + ": no completion permits but permittedIf is '" + text + "'; " + query);
            }

            if ((text == "false") != (power.Example is null))
            {
                throw new PropertyViolationException(power.Power + ": example present exactly when permittedIf is not false; " + query);
            }

            if (power.Example is { } example)
            {
                var s = query.Situation.Clone();
                foreach (var v in example)
                {
                    s.Set(v.Fact.Index, v.Value);
                }

                if (engine.Decide(new Query(query.Date, query.Version, query.Designation, s)).Find(power.Power)!.Outcome != Outcome.Permitted)
                {
                    throw new PropertyViolationException(power.Power + ": the example " + string.Join(", ", example) + " does not permit; " + query);
                }
            }
        }
    }

    private static BoundExpression Bind(PowersEngine engine, string text, QueryCase query)
    {
        var diagnostics = new DiagnosticBag();
        var syntax = ExpressionParser.ParseText(text, diagnostics, out var source);
        var bound = new Binder(engine.Library.Schema, source, diagnostics).BindCondition(syntax);
        if (diagnostics.ToSortedList().Count > 0)
        {
            throw new PropertyViolationException("permittedIf '" + text + "' does not parse and bind: " + string.Join("; ", diagnostics.ToSortedList()) + "; " + query);
        }

        return bound;
    }
}
