using Powers.Evaluation;
using Powers.TestSupport;

namespace Powers.RulesEngine.Tests;

public class RulesEngineEvaluatorTests
{
    [Fact]
    public void Evaluate_CompleteSituations_AgreesWithReferenceInterpreter()
    {
        var library = ShippedLibrary.Instance;
        var random = new RandomSituations(library, seed: 7);
        // A clause that calls granted() is evaluated only after a plan has replaced the call by a constant (BoundGranted);
        // the golden cases decide such clauses through plans, with the interpreter and the program (Powers.Tests).
        var clauses = library.Versions.SelectMany(v => v.General.Select(g => g.Clause).Concat(v.Powers.Values.SelectMany(p => p.Clauses)))
            .Where(c => !c.ExpressionText.Contains("granted(", StringComparison.Ordinal)).Distinct().ToList();
        for (int n = 0; n < 20; n++)
        {
            var situation = random.Complete();
            foreach (var clause in clauses)
            {
                Assert.Equal(ReferenceInterpreter.Instance.Evaluate(clause, situation), RulesEngineEvaluator.Instance.Evaluate(clause, situation));
            }
        }
    }

    [Fact]
    public void Evaluate_FactUnknown_IsUnknown()
    {
        var library = ShippedLibrary.Instance;
        var clause = library.Versions.SelectMany(v => v.General).First(g => g.Clause.ExpressionText == "inUniform").Clause;

        Assert.Equal(Tri.Unknown, RulesEngineEvaluator.Instance.Evaluate(clause, new Situation(library.Schema)));
    }

    [Fact]
    public void Name_IsRulesEngine()
    {
        Assert.Equal("rulesengine", RulesEngineEvaluator.Instance.Name);
    }
}
