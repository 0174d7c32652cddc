using System.Runtime.CompilerServices;
using Powers.Model;

namespace Powers.Planning;

/// <summary>
/// What makes a plan, and nothing more, so that queries on different dates share one. A plan depends on the
/// version; the designation (a stored one by identity; an ad-hoc one by its force and the catalogue powers it
/// grants, as a mask); whether the designation is in force on the date; the date itself only when no version
/// applies (the reason then names it); and which of the version's transitional rules the designation's made date
/// falls under (a designation that does not say when it was made is made on the query's date). The made day
/// itself is not part of it: a plan reads it only through those rules (<see cref="PowerRoutes"/>, which compares
/// it with each rule's <c>madeBefore</c>), and a decision reports its own query's designation, not the plan's.
/// Built without allocating for stored designations and for ad-hoc ones over a catalogue of at most 64 powers.
/// </summary>
internal readonly record struct PlanKey(RuleSetVersion? Version, Designation? Stored, string? Force, ulong Granted, bool Active, int Day, ulong Preserved)
{
    private const int NoDay = int.MinValue;

    // Versions and stored designations are the library's own objects, compared by reference (as the default
    // equality of these classes does); the force is compared by its text. Written out because the record's own
    // hash ran every field through its comparer, a measurable share of a cached decision.
    public bool Equals(PlanKey other) =>
        ReferenceEquals(Version, other.Version) && ReferenceEquals(Stored, other.Stored) && Granted == other.Granted
        && Preserved == other.Preserved && Day == other.Day && Active == other.Active && string.Equals(Force, other.Force, StringComparison.Ordinal);

    // Stryker disable once NullCoalescing : any hash that keys equal by Equals hash alike is as correct; the force's length is a cheap one
    public override int GetHashCode() =>
        HashCode.Combine(RuntimeHelpers.GetHashCode(Version), RuntimeHelpers.GetHashCode(Stored), Granted, Preserved, Day, Active, Force?.Length ?? -1);

    public static PlanKey For(RuleLibrary library, RuleSetVersion? version, Designation designation, DateOnly? date)
    {
        bool active = designation.InForceOn(date);
        int day = version is null && date is { } d ? d.DayNumber : NoDay;
        ulong preserved = PreservedMask(version, designation, date);
        var catalogue = library.Powers;
        // An ad-hoc designation with restrictions is keyed by its object too: its clauses are its own.
        if (designation.Id is not null || catalogue.Count > 64 || designation.Restrictions.Count > 0)
        {
            // A stored designation is the library's own object; an ad-hoc one over a larger catalogue is keyed by
            // its object, which only loses sharing, never correctness.
            return new PlanKey(version, designation, null, 0, active, day, preserved);
        }

        return new PlanKey(version, null, designation.Force, designation.GrantedMask(catalogue), active, day, preserved);
    }

    // Bit i: the designation counts as made before the version's i-th transitional rule's day (see PowerRoutes).
    // More than 63 rules in one version is far past any real law; the top bit then keys by the made day itself.
    private static ulong PreservedMask(RuleSetVersion? version, Designation designation, DateOnly? date)
    {
        if (version is null || version.Preserved.Count == 0)
        {
            return 0;
        }

        var made = designation.MadeFor(date) ?? (version.Effective.Never ? null : version.Effective.From);
        if (made is not { } day)
        {
            return 0;
        }

        if (version.Preserved.Count > 63)
        {
            return (1UL << 63) | (uint)day.DayNumber;
        }

        ulong mask = 0;
        for (int i = 0; i < version.Preserved.Count; i++)
        {
            if (day < version.Preserved[i].MadeBefore)
            {
                mask |= 1UL << i;
            }
        }

        return mask;
    }
}
