using Powers.Evaluation;
using Powers.Properties.Tests.Generators;
using Powers.Properties.Tests.Support;
using Powers.RulesEngine;
using Powers.TestSupport;

namespace Powers.Properties.Tests.Evaluation;

public class EvaluatorAgreementProperties
{
    [PowersProperty(300)]
    public void Decide_ShippedLibrary_ProgramAgreesWithInterpreter(PartialQuery query) =>
        DecisionComparer.AssertProgramAgrees(query.Case.Plan(), query.Case.Situation);

    [PowersProperty(50)]
    public void Decide_GeneratedRuleSet_ProgramAgreesWithInterpreter(GeneratedCase generated)
    {
        foreach (var query in generated.Queries)
        {
            DecisionComparer.AssertProgramAgrees(query.Plan(), query.Situation);
        }
    }

    [PowersProperty(100)]
    public void Decide_ShippedLibraryCompleteSituation_RulesEngineAgreesWithInterpreter(CompleteQuery query)
    {
        DecisionComparer.AssertAgree(query.Case.Plan(), query.Case.Situation, RulesEngineEvaluator.Instance, ReferenceInterpreter.Instance);
    }

    [PowersProperty(20)]
    public void Decide_GeneratedRuleSetCompleteSituation_RulesEngineAgreesWithInterpreter(GeneratedCase generated)
    {
        foreach (var query in generated.Queries)
        {
            var complete = query.Situation.Clone();
            foreach (var fact in complete.Schema.Facts.Where(f => !complete.IsKnown(f.Index)))
            {
                complete.Set(fact.Index, fact.Min);
            }

            DecisionComparer.AssertAgree(query.Plan(), complete, RulesEngineEvaluator.Instance, ReferenceInterpreter.Instance);
        }
    }
}
