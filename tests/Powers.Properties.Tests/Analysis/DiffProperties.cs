using Powers.Model;
using Powers.Planning;
using Powers.Properties.Tests.Generators;
using Powers.Properties.Tests.Support;

namespace Powers.Properties.Tests.Analysis;

/// <summary>
/// powers diff between two generated rule sets (<see cref="DiffCheck"/>): every example, decided under each, gives the
/// change's outcomes; and any complete situation decided differently falls under the 'when' of a change with exactly
/// those outcomes. Each power's diff runs within <see cref="PropertyBudgets.Analysis"/>.
/// </summary>
public class DiffProperties
{
    [PowersProperty(5)]
    public void Diff_GeneratedRuleSets_ExamplesChangeAndWhenCoversEveryChange(DiffCase generated)
    {
        ArgumentNullException.ThrowIfNull(generated);
        var a = generated.From.Library;
        var b = generated.To.Library;
        var ints = DiffCheck.IntCandidates(a, b);
        var random = new Random(5);
        foreach (var query in generated.Queries)
        {
            var designationB = Designation.AdHoc(query.Designation.Force, query.Designation.Powers, query.Designation.Made);
            var planA = PlanBuilder.Build(a, a.Versions[0], query.Designation, null);
            var planB = PlanBuilder.Build(b, b.Versions[0], designationB, null);
            var complete = DiffCheck.Complete(query.Situation, ints, random);
            DiffCheck.Check(planA, planB, complete, PropertyBudgets.Analysis, () => query.With(complete.Clone()) + "; " + generated);
        }
    }
}
