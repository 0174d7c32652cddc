using Powers.Deciding;
using Powers.Evaluation;
using Powers.Model;
using Powers.Planning;
using Powers.Properties.Tests.Generators;
using Powers.Properties.Tests.Support;
using Powers.TestSupport;

namespace Powers.Properties.Tests.Evaluation;

/// <summary>Laws the shipped rule sets must obey whatever the facts.</summary>
public class ShippedLawProperties
{
    private static readonly DateOnly Uniform = new(2003, 4, 1);
    private static readonly DateOnly Commencement = new(2002, 12, 2);
    private static readonly DateOnly LicensingException = new(2006, 1, 1);
    private static readonly DateOnly RemedialOrder = new(2011, 3, 18);

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

    [PowersProperty(200)]
    public void Decide_AuthorisationDay28OrLater_NeverPermitsStopAndSearch(PartialQuery query)
    {
        // TA 2000 s.46(2): 28 days beginning with the day the authorisation is given; s.47A (Sch. 6B para. 6) allows only 14.
        int day = 28 + (Known(query.Case.Situation, "authorisationAgeDays") % 200);
        var situation = Set(Set(Favourable(query), "authorisationAgeDays", day), "authorisationAgeHours", 24 * day);
        AssertNothingPermitted(AllPowers(query).Plan(), situation, id => id == "stop-search-authorised-area", "on day " + day + " of the authorisation");
    }

    [PowersProperty(200)]
    public void Decide_S47AAuthorisationDay14OrLater_NeverPermitsStopAndSearch(PartialQuery query)
    {
        if (query.Case.Date is not { } date || date < RemedialOrder)
        {
            return;
        }

        int day = 14 + (Known(query.Case.Situation, "authorisationAgeDays") % 200);
        var situation = Set(Set(Favourable(query), "authorisationAgeDays", day), "authorisationAgeHours", 24 * day);
        AssertNothingPermitted(AllPowers(query).Plan(), situation, id => id == "stop-search-authorised-area", "on day " + day + " of an authorisation on " + EffectiveRange.Format(date));
    }

    [PowersProperty(200)]
    public void Decide_HoursOnlyPastTheBound_NeverPermitsStopAndSearch(PartialQuery query)
    {
        // Only hours known: 648 hours may already be day 28 (an authorisation given just before midnight), so never permitted.
        int hours = 648 + (Known(query.Case.Situation, "authorisationAgeHours") % 500);
        var situation = Set(Favourable(query), "authorisationAgeHours", hours);
        ShippedLibrary.Instance.Schema.TryGet("authorisationAgeDays", out var days);
        situation.Unset(days.Index);
        AssertNothingPermitted(AllPowers(query).Plan(), situation, id => id == "stop-search-authorised-area", "after " + hours + " hours with the day unknown");
    }

    [PowersProperty(200)]
    public void Decide_SearchForAnotherPurpose_NeverPermitsStopAndSearch(PartialQuery query)
    {
        ShippedLibrary.Instance.Schema.TryGet("searchPurpose", out var purpose);
        var situation = Set(Favourable(query), "searchPurpose", purpose.IndexOfValue("other"));
        AssertNothingPermitted(AllPowers(query).Plan(), situation, id => id == "stop-search-authorised-area", "for a purpose other than TA 2000 s.45(1)(a) or s.47A(4)");
    }

    [PowersProperty(200)]
    public void Decide_LicensingOffenceOnLicensedPremisesFrom2006_NeverPermitsDetention(PartialQuery query)
    {
        if (query.Case.Date is not { } date || date < LicensingException)
        {
            return;
        }

        ShippedLibrary.Instance.Schema.TryGet("suspectedConduct", out var conduct);
        var situation = Set(Set(Favourable(query), "licensingOffenceOnLicensedPremises", 1), "suspectedConduct", conduct.IndexOfValue("relevant-offence"));
        AssertNothingPermitted(AllPowers(query).Plan(), situation, id => id is "detain-pending-constable" or "reasonable-force-to-detain", "after a licensing-offence requirement on licensed premises");
    }

    [PowersProperty(200)]
    public void Decide_AbnormalLoadNotToOrFromTheArea_NeverPermitsTrafficControlUnderPara12(PartialQuery query)
    {
        if (query.Case.Version is not { } version || version.Version == "2017-12-15")
        {
            return;
        }

        var situation = Set(Favourable(query), "escortToOrFromPoliceArea", 0);
        AssertNothingPermitted(AllPowers(query).Plan(), situation, id => id == "control-traffic-abnormal-load", "escorting a load neither to nor from the relevant police area");
    }

    /// <summary>The generated situation with every other condition of the laws above set to hold, so that a law fails whenever its own limit is missing.</summary>
    private static Situation Favourable(PartialQuery query)
    {
        var schema = ShippedLibrary.Instance.Schema;
        bool s47a = query.Case.Date is { } date && date >= RemedialOrder;
        var situation = query.Case.Situation;
        foreach (string fact in new[] { "inUniform", "inPoliceArea", "constableInCompany", "authorisationConfirmed", "escortingAbnormalLoad", "escortToOrFromPoliceArea", "loadAuthorisedBySection44Order" })
        {
            situation = Set(situation, fact, 1);
        }

        schema.TryGet("terrorismAuthorisation", out var authorisation);
        schema.TryGet("searchOf", out var searchOf);
        schema.TryGet("searchPurpose", out var purpose);
        schema.TryGet("nameAndAddress", out var answer);
        situation = Set(situation, "terrorismAuthorisation", authorisation.IndexOfValue(s47a ? "s47a" : "s44"));
        situation = Set(situation, "searchOf", searchOf.IndexOfValue("vehicle"));
        situation = Set(situation, "searchPurpose", purpose.IndexOfValue(s47a ? "terrorism-evidence" : "terrorism-articles"));
        situation = Set(situation, "nameAndAddress", answer.IndexOfValue("refused"));
        situation = Set(situation, "minutesDetained", 0);
        situation = Set(situation, "personMakingOff", 1);
        return situation;
    }

    private static QueryCase AllPowers(PartialQuery query) =>
        query.Case.With(Designation.AdHoc(query.Case.Designation.Force, ShippedLibrary.Instance.Powers.Select(p => p.Id).ToHashSet(StringComparer.Ordinal)));

    private static int Known(Situation situation, string fact)
    {
        ShippedLibrary.Instance.Schema.TryGet(fact, out var symbol);
        return situation.IsKnown(symbol.Index) ? situation.ValueAt(symbol.Index) : 0;
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
        PlanDecider.Decide(plan, situation, ReferenceInterpreter.Instance, buffer);
        return buffer.Outcomes;
    }
}
