using Powers.Deciding;
using Powers.Model;
using Powers.Queries;

namespace Powers.Cli.Commands;

/// <summary>
/// The stream's own buffers for each plan of the engine's <see cref="PlanCache"/>: the plans are shared and
/// thread-safe; the buffers, outcome arrays and cached lines are this single-threaded stream's. Bounded like the
/// plans, so memory stays flat for any input.
/// </summary>
internal sealed class PlanEntries(PowersEngine engine)
{
    private const int MaxEntries = 4096;
    private readonly Dictionary<CachedPlan, PlanEntry> _entries = new(ReferenceEqualityComparer.Instance);

    /// <summary>The entry for a version, a designation and a date.</summary>
    public PlanEntry Get(RuleSetVersion? version, Designation designation, DateOnly? date) => For(engine.Plans.Get(version, designation, date));

    /// <summary>The entry for a resolved query.</summary>
    public PlanEntry Get(Query query) => For(engine.Plans.Get(query));

    private PlanEntry For(CachedPlan plan)
    {
        if (!_entries.TryGetValue(plan, out var entry))
        {
            if (_entries.Count >= MaxEntries)
            {
                _entries.Clear();
            }

            entry = new PlanEntry(plan);
            _entries.Add(plan, entry);
        }

        return entry;
    }
}
