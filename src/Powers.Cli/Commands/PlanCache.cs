using Powers.Evaluation;
using Powers.Model;

namespace Powers.Cli.Commands;

/// <summary>
/// Reuses plans, buffers and compiled programs across the queries of a stream. A plan depends on the version, the
/// designation and the date (the date only through whether the designation is in force, and as the date the full
/// decision reports), so a million queries build a handful. Bounded, so memory stays flat for any input.
/// </summary>
internal sealed class PlanCache(PowersEngine engine)
{
    private const int MaxEntries = 4096;
    private readonly Dictionary<string, PlanEntry> _byKey = new(StringComparer.Ordinal);
    private readonly Dictionary<(RuleSetVersion? Version, Designation Designation, int Day), PlanEntry> _byDate = [];

    /// <summary>
    /// The entry for a query read by <see cref="CompactQueryReader"/>: a stored designation on a date. For the
    /// outcomes form (<paramref name="exactDate"/> false) the entry is shared by every date on which the same
    /// version applies and the designation is equally in force or not, and its plan may carry another date.
    /// </summary>
    public PlanEntry Get(RuleSetVersion? version, Designation designation, DateOnly date, bool exactDate)
    {
        int day = exactDate || version is null ? date.DayNumber : designation.Effective.Contains(date) ? -1 : -2;
        var key = (version, designation, day);
        if (!_byDate.TryGetValue(key, out var entry))
        {
            TrimIfFull();
            entry = new PlanEntry(engine, PlanBuilder.Build(engine.Library, version, designation, date));
            _byDate.Add(key, entry);
        }

        return entry;
    }

    /// <summary>
    /// The entry for any resolved query, for the outcomes form only: the plan is shared by queries on other dates
    /// where it decides the same, so its own date may differ from the query's.
    /// </summary>
    public PlanEntry GetForOutcomes(Query query)
    {
        var d = query.Designation;
        bool active = query.Date is null || d.Effective.Contains(query.Date.Value);
        string designationKey = d.Id ?? "adhoc:" + d.Force + ":" + string.Join(",", d.Powers.Order(StringComparer.Ordinal));
        string key = (query.Version?.Id ?? "-") + "|" + designationKey + "|" + (active ? "1" : "0") + "|" + (query.Version is null ? query.Date?.ToString("O", System.Globalization.CultureInfo.InvariantCulture) : string.Empty);
        if (!_byKey.TryGetValue(key, out var entry))
        {
            TrimIfFull();
            entry = new PlanEntry(engine, engine.Plan(query));
            _byKey.Add(key, entry);
        }

        return entry;
    }

    private void TrimIfFull()
    {
        if (_byKey.Count + _byDate.Count >= MaxEntries)
        {
            _byKey.Clear();
            _byDate.Clear();
        }
    }
}
