using Powers.Model;
using Powers.Planning;

namespace Powers.TestSupport;

/// <summary>The plans a library can produce, for tests that must cover every one.</summary>
public static class LibraryPlans
{
    /// <summary>
    /// Each version with each stored designation, and with ad-hoc designations of two forces granting every power,
    /// on the version's first day (undated for a version never in force).
    /// </summary>
    public static IEnumerable<DecisionPlan> All(RuleLibrary library)
    {
        ArgumentNullException.ThrowIfNull(library);
        var everything = new HashSet<string>(library.Powers.Select(p => p.Id), StringComparer.Ordinal);
        foreach (var version in library.Versions)
        {
            DateOnly? date = version.Effective.Never ? null : version.Effective.From;
            foreach (var designation in library.Designations)
            {
                yield return PlanBuilder.Build(library, version, designation, date);
            }

            foreach (var force in library.Forces.Take(2))
            {
                yield return PlanBuilder.Build(library, version, Designation.AdHoc(force.Id, everything), date);
            }
        }
    }
}
