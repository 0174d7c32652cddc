using Powers.Model;
using Powers.Planning;

namespace Powers.Analysis;

/// <summary>
/// The plans an assertion ranges over: every dated version in force in its range, every designation it names (or
/// every stored one and an ad-hoc one granting every power, once per force class), and for each pair a date on which
/// the designation is in force and, when there is one in range, a date on which it is not (a plan depends on the date
/// only through that).
/// </summary>
internal static class AssertionScope
{
    public static IEnumerable<DecisionPlan> Plans(RuleLibrary library, Assertion assertion)
    {
        var from = assertion.From ?? DateOnly.MinValue;
        var until = assertion.Until ?? DateOnly.MaxValue;
        var designations = new List<Designation>();
        if (assertion.Designations is { } ids)
        {
            foreach (string id in ids)
            {
                if (library.TryGetDesignation(id, out var d))
                {
                    designations.Add(d);
                }
            }
        }
        else
        {
            designations.AddRange(library.Designations);
            designations.AddRange(AdHocEveryPower(library));
        }

        // Days in range with no version in force: every power is not in force then, and assertions say so too.
        foreach (var family in library.Families)
        {
            if (FirstDayWithoutVersion(library, family, from, until) is { } gap)
            {
                foreach (var designation in designations)
                {
                    yield return PlanBuilder.Build(library, null, designation, gap);
                }
            }
        }

        foreach (var version in library.Versions)
        {
            if (version.Effective.Never)
            {
                continue;
            }

            var start = Max(version.Effective.From, from);
            var end = Min(version.Effective.Until ?? DateOnly.MaxValue, until);
            if (start > end)
            {
                continue;
            }

            foreach (var designation in designations)
            {
                var activeFrom = Max(start, designation.Effective.From);
                var activeUntil = Min(end, designation.Effective.Until ?? DateOnly.MaxValue);
                if (activeFrom <= activeUntil)
                {
                    yield return PlanBuilder.Build(library, version, designation, activeFrom);
                }

                DateOnly? inactive = start < designation.Effective.From ? start
                    : designation.Effective.Until is { } u && u < end ? u.AddDays(1) : null;
                if (inactive is { } day)
                {
                    yield return PlanBuilder.Build(library, version, designation, day);
                }
            }
        }
    }

    /// <summary>Ad-hoc designations granting every power, one per class of forces (forces matter to a plan only through the force lists of powers).</summary>
    public static IEnumerable<Designation> AdHocEveryPower(RuleLibrary library)
    {
        var every = library.Powers.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        var lists = library.Versions.SelectMany(v => v.Powers.Values).Select(r => r.Forces).OfType<IReadOnlySet<string>>().ToArray();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var force in library.Forces)
        {
            // Forces in exactly the same lists get the same plans: one of each kind is enough.
            string signature = string.Concat(lists.Select(l => l.Contains(force.Id) ? '1' : '0'));
            if (seen.Add(signature))
            {
                yield return Designation.AdHoc(force.Id, every);
            }
        }
    }

    private static DateOnly? FirstDayWithoutVersion(RuleLibrary library, string family, DateOnly from, DateOnly until)
    {
        var candidates = new List<DateOnly> { from };
        foreach (var v in library.Versions)
        {
            if (v.Family == family && !v.Effective.Never)
            {
                if (v.Effective.From > DateOnly.MinValue)
                {
                    candidates.Add(v.Effective.From.AddDays(-1));
                }

                if (v.Effective.Until is { } u && u < DateOnly.MaxValue)
                {
                    candidates.Add(u.AddDays(1));
                }
            }
        }

        foreach (var day in candidates.Where(d => d >= from && d <= until && d.Year >= 1900).Order())
        {
            if (library.VersionInForce(family, day) is null)
            {
                return day;
            }
        }

        return null;
    }

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}
