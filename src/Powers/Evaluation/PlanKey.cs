using Powers.Model;

namespace Powers.Evaluation;

/// <summary>
/// What makes a plan, and nothing more, so that queries on different dates share one. A plan depends on the
/// version; the designation (a stored one by identity; an ad-hoc one by its force and the catalogue powers it
/// grants, as a mask); whether the designation is in force on the date; and the date itself only when no version
/// applies (the reason then names it). Built without allocating for stored designations and for ad-hoc ones
/// over a catalogue of at most 64 powers.
/// </summary>
internal readonly record struct PlanKey(RuleSetVersion? Version, Designation? Stored, string? Force, ulong Granted, bool Active, int Day)
{
    private const int NoDay = int.MinValue;

    public static PlanKey For(RuleLibrary library, RuleSetVersion? version, Designation designation, DateOnly? date)
    {
        bool active = date is null || designation.Effective.Contains(date.Value);
        int day = version is null && date is { } d ? d.DayNumber : NoDay;
        var catalogue = library.Powers;
        if (designation.Id is not null || catalogue.Count > 64)
        {
            // A stored designation is the library's own object; an ad-hoc one over a larger catalogue is keyed by
            // its object, which only loses sharing, never correctness.
            return new PlanKey(version, designation, null, 0, active, day);
        }

        ulong granted = 0;
        for (int p = 0; p < catalogue.Count; p++)
        {
            if (designation.Powers.Contains(catalogue[p].Id))
            {
                granted |= 1UL << p;
            }
        }

        return new PlanKey(version, null, designation.Force, granted, active, day);
    }
}
