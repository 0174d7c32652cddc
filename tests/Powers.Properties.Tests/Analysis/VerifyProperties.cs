using Powers.Analysis;
using Powers.Binding;
using Powers.Deciding;
using Powers.Evaluation;
using Powers.Model;
using Powers.Planning;
using Powers.Properties.Tests.Generators;
using Powers.Properties.Tests.Support;
using Powers.Queries;
using Powers.TestSupport;

namespace Powers.Properties.Tests.Analysis;

/// <summary>
/// powers verify agrees with brute force: a plain odometer over every fact the power and the assertion read (unknown,
/// and every candidate value: both booleans, every enum value, each integer constant of the library and the assertion
/// with its neighbours), decided by the reference interpreter. A refutation's query document, decided by the engine,
/// breaks the assertion. Each verify runs within <see cref="PropertyBudgets.Analysis"/>.
/// </summary>
public class VerifyProperties
{
    private const double BruteForceLimit = 60_000;

    [PowersProperty(40)]
    public void Verify_GeneratedAssertion_AgreesWithBruteForce(AssertionCase generated)
    {
        var library = generated.Library;
        var assertion = generated.Assertion;
        var result = AssertionVerifier.Verify(library, assertion, PropertyBudgets.Analysis);
        if (result.Stopped is { } stop)
        {
            // Too large for the budget: an honest answer, neither proved nor refuted.
            PropertyViolationException.Check(!result.Proved && !result.Refuted && stop.Limit is AnalysisLimit.Steps or AnalysisLimit.Cases, () => "a stopped verify says " + result + "; " + generated);
            return;
        }

        if (result.Counterexample is { } c)
        {
            var errors = new List<QueryError>();
            var query = QueryReader.Parse(library, c.QueryJson, errors) ?? throw new PropertyViolationException("counterexample does not parse: " + string.Join("; ", errors) + "; " + c.QueryJson);
            var outcome = new PowersEngine(library).Decide(query).Find(c.Power)!.Outcome;
            if (outcome != c.Outcome || !assertion.Breaks(outcome) || ReferenceInterpreter.Evaluate(assertion.When, query.Situation) != Tri.True)
            {
                throw new PropertyViolationException("the counterexample " + c.QueryJson + " gets " + outcome + ", which does not break the assertion; " + generated);
            }
        }

        bool? brute = BruteForceHolds(library, assertion);
        if (brute is { } holds && holds != result.Proved)
        {
            throw new PropertyViolationException("verify says " + (result.Proved ? "proved" : "refuted") + ", brute force says " + (holds ? "holds" : "broken") + "; " + generated);
        }
    }

    /// <summary>Whether no situation breaks the assertion, or null when there are too many to enumerate.</summary>
    private static bool? BruteForceHolds(RuleLibrary library, Assertion assertion)
    {
        var every = library.Powers.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        var plans = new List<DecisionPlan> { PlanBuilder.Build(library, null, Designation.AdHoc(library.Forces[0].Id, every), new DateOnly(1999, 12, 31)) };
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var force in library.Forces)
        {
            var plan = PlanBuilder.Build(library, library.Versions[0], Designation.AdHoc(force.Id, every), new DateOnly(2000, 1, 1));
            // Plans that give every power the same kind are the same plan: the clauses do not depend on the force.
            if (seen.Add(string.Concat(plan.Powers.Select(p => (int)p.Kind))))
            {
                plans.Add(plan);
            }
        }

        int index = library.IndexOfPower(assertion.Powers![0]);
        var ints = Candidates(library, assertion);
        foreach (var plan in plans)
        {
            var power = plan.Powers[index];
            UInt128 mask = FactUsage.Mask(assertion.When);
            foreach (int k in power.ClauseIndices)
            {
                mask |= plan.Clauses[k].FactMask;
            }

            var facts = library.Schema.Facts.Where(f => (mask >> f.Index & UInt128.One) != UInt128.Zero).ToArray();
            var values = facts.Select(f => f.Kind switch
            {
                FactKind.Bool => new[] { -1, 0, 1 },
                FactKind.Enum => [-1, .. Enumerable.Range(0, f.Values.Count)],
                _ => [-1, .. ints[f.Index]],
            }).ToArray();
            if (values.Aggregate(1.0, (n, v) => n * v.Length) > BruteForceLimit)
            {
                return null;
            }

            var situation = new Situation(library.Schema);
            var buffer = plan.CreateBuffer();
            var odometer = new int[facts.Length];
            while (true)
            {
                for (int i = 0; i < facts.Length; i++)
                {
                    int v = values[i][odometer[i]];
                    if (v < 0)
                    {
                        situation.Unset(facts[i].Index);
                    }
                    else
                    {
                        situation.Set(facts[i].Index, v);
                    }
                }

                if (ReferenceInterpreter.Evaluate(assertion.When, situation) == Tri.True)
                {
                    PlanDecider.Decide(plan, situation, ReferenceInterpreter.Instance, buffer);
                    if (assertion.Breaks(buffer.Outcomes[index]))
                    {
                        return false;
                    }
                }

                int d = 0;
                while (d < facts.Length && ++odometer[d] == values[d].Length)
                {
                    odometer[d] = 0;
                    d++;
                }

                if (d == facts.Length)
                {
                    break;
                }
            }
        }

        return true;
    }

    private static int[][] Candidates(RuleLibrary library, Assertion assertion) => LibraryConstants.IntCandidates(library, [assertion.When]);
}
