using Powers.Evaluation;
using Powers.Model;
using Powers.Properties.Tests.Generators;
using Powers.Properties.Tests.Support;

namespace Powers.Properties.Tests.Evaluation;

/// <summary>Laws the shipped rule sets must obey whatever the facts.</summary>
public class ShippedLawProperties
{
    private static readonly DateOnly Uniform = new(2003, 4, 1);
    private static readonly DateOnly Commencement = new(2002, 12, 2);

    [PowersProperty(200)]
    public void Decide_TakingFactsAway_NeverCreatesPermission(PartialQuery query)
    {
        var plan = query.Case.Plan();
        var before = Outcomes(plan, query.Case.Situation);
        foreach (var fact in query.Case.Situation.Schema.Facts.Where(f => query.Case.Situation.IsKnown(f.Index)))
        {
            var fewer = query.Case.Situation.Clone();
            fewer.Unset(fact.Index);
            var after = Outcomes(plan, fewer);
            for (int p = 0; p < after.Length; p++)
            {
                PropertyViolationException.Check(after[p] != Outcome.Permitted || before[p] == Outcome.Permitted, () => "Making '" + fact.Name + "' unknown permits '" + plan.Powers[p].Power.Id + "', which was " + OutcomeNames.Name(before[p]));
            }
        }
    }

    [PowersProperty(200)]
    public void Decide_GrantingMorePowers_NeverRemovesPermission(PartialQuery query)
    {
        var library = ShippedLibrary.Instance;
        var granted = query.Case.Designation.Powers;
        var all = Designation.AdHoc(query.Case.Designation.Force, library.Powers.Select(p => p.Id).ToHashSet(StringComparer.Ordinal));
        var fewer = Designation.AdHoc(query.Case.Designation.Force, granted.ToHashSet(StringComparer.Ordinal));
        var less = Outcomes(query.Case.With(fewer).Plan(), query.Case.Situation);
        var more = Outcomes(query.Case.With(all).Plan(), query.Case.Situation);
        for (int p = 0; p < less.Length; p++)
        {
            PropertyViolationException.Check(less[p] != Outcome.Permitted || more[p] == Outcome.Permitted, () => "Granting every power turns '" + library.Powers[p].Id + "' from permitted to " + OutcomeNames.Name(more[p]));
        }
    }

    [PowersProperty(200)]
    public void Decide_OutOfUniformFromApril2003_PermitsNothing(PartialQuery query)
    {
        if (query.Case.Date is not { } date || date < Uniform)
        {
            return;
        }

        var situation = Set(query.Case.Situation, "inUniform", 0);
        AssertNothingPermitted(query.Case.Plan(), situation, _ => true, "out of uniform on " + EffectiveRange.Format(date));
    }

    [PowersProperty(200)]
    public void Decide_SearchOfPerson_NeverPermitsStopAndSearch(PartialQuery query)
    {
        ShippedLibrary.Instance.Schema.TryGet("searchOf", out var searchOf);
        var situation = Set(query.Case.Situation, "searchOf", searchOf.IndexOfValue("person"));
        AssertNothingPermitted(query.Case.Plan(), situation, id => id == "stop-search-authorised-area", "searching the person");
    }

    [PowersProperty(200)]
    public void Decide_ThirtyMinutesOrMore_NeverPermitsDetention(PartialQuery query)
    {
        var situation = query.Case.Situation.Clone();
        ShippedLibrary.Instance.Schema.TryGet("minutesDetained", out var minutes);
        int value = situation.IsKnown(minutes.Index) ? situation.ValueAt(minutes.Index) : 0;
        situation.Set(minutes.Index, 30 + (value % 200));
        AssertNothingPermitted(query.Case.Plan(), situation, id => id is "detain-pending-constable" or "reasonable-force-to-detain", "after " + situation.ValueAt(minutes.Index) + " minutes' detention");
    }

    [PowersProperty(200)]
    public void Decide_Before2December2002_PermitsNothing(PartialQuery query)
    {
        if (query.Case.Date is not { } date || date >= Commencement)
        {
            return;
        }

        AssertNothingPermitted(query.Case.Plan(), query.Case.Situation, _ => true, "before 2 Dec 2002");
    }

    private static Situation Set(Situation situation, string fact, int value)
    {
        ShippedLibrary.Instance.Schema.TryGet(fact, out var symbol);
        var copy = situation.Clone();
        copy.Set(symbol.Index, value);
        return copy;
    }

    private static void AssertNothingPermitted(DecisionPlan plan, Situation situation, Func<string, bool> powers, string when)
    {
        var outcomes = Outcomes(plan, situation);
        for (int p = 0; p < outcomes.Length; p++)
        {
            string id = plan.Powers[p].Power.Id;
            PropertyViolationException.Check(!powers(id) || outcomes[p] != Outcome.Permitted, () => "'" + id + "' is permitted " + when + " (" + (plan.Version?.Id ?? "no version") + ", facts " + QueryCase.FactsJson(situation) + ")");
        }
    }

    private static Outcome[] Outcomes(DecisionPlan plan, Situation situation)
    {
        var buffer = plan.CreateBuffer();
        Decider.Decide(plan, situation, CompiledEvaluator.Instance, buffer);
        return buffer.Outcomes;
    }
}
