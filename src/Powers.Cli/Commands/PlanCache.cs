using Powers.Evaluation;
using Powers.Model;

namespace Powers.Cli.Commands;

/// <summary>
/// Reuses plans and buffers across the queries of a stream: a plan depends only on the version, the stored
/// designation and whether that designation is in force on the date, so a million queries build a handful.
/// Ad-hoc designations are keyed by force and powers. Bounded, so memory stays flat for any input.
/// </summary>
internal sealed class PlanCache(PowersEngine engine)
{
    private const int MaxEntries = 4096;
    private readonly Dictionary<string, DecisionPlan> _plans = new(StringComparer.Ordinal);
    private readonly Dictionary<DecisionPlan, DecisionBuffer> _buffers = new(ReferenceEqualityComparer.Instance);

    public DecisionPlan Get(Query query)
    {
        var d = query.Designation;
        bool active = query.Date is null || d.Effective.Contains(query.Date.Value);
        string designationKey = d.Id ?? "adhoc:" + d.Force + ":" + string.Join(",", d.Powers.Order(StringComparer.Ordinal));
        string key = (query.Version?.Id ?? "-") + "|" + designationKey + "|" + (active ? "1" : "0") + "|" + (query.Version is null ? query.Date?.ToString("O", System.Globalization.CultureInfo.InvariantCulture) : string.Empty);
        if (_plans.TryGetValue(key, out var plan))
        {
            return plan;
        }

        if (_plans.Count >= MaxEntries)
        {
            _plans.Clear();
            _buffers.Clear();
        }

        plan = engine.Plan(query);
        _plans.Add(key, plan);
        return plan;
    }

    public DecisionBuffer Buffer(DecisionPlan plan)
    {
        if (!_buffers.TryGetValue(plan, out var buffer))
        {
            buffer = plan.CreateBuffer();
            _buffers.Add(plan, buffer);
        }

        return buffer;
    }
}
