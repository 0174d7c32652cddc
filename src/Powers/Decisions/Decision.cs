using Powers.Analysis;
using Powers.Binding;
using Powers.Deciding;
using Powers.Evaluation;
using Powers.Model;
using Powers.Planning;

namespace Powers.Decisions;

/// <summary>
/// A whole decision: the version and designation applied, and an outcome for every power of the library. It
/// holds the compact result (outcomes, clause statuses, missing-fact masks) and builds the rich view of
/// <see cref="Powers"/> (clauses, citations, missing facts) only when it is read.
/// </summary>
/// <remarks>System.Text.Json writes it as the decision document (<see cref="DecisionJsonConverter"/>).</remarks>
[System.Text.Json.Serialization.JsonConverter(typeof(DecisionJsonConverter))]
public sealed class Decision
{
    private readonly DecisionBuffer _buffer;
    private readonly Situation? _situation;
    private PowerDecision[]? _powers;

    internal Decision(DecisionPlan plan, Designation designation, DateOnly? date, DecisionBuffer buffer, Situation? situation = null)
    {
        Plan = plan;
        Designation = designation;
        Date = date;
        _buffer = buffer;
        // Kept only when some power is undetermined: its residual (what would permit) is computed from the known
        // facts when the rich view is read, never on the decision path itself.
        if (situation is not null && Array.IndexOf(buffer.Outcomes, Outcome.Undetermined) >= 0)
        {
            _situation = situation.Clone();
        }
    }

    /// <summary>The plan it was made with (shared by decisions on other dates; see <see cref="CachedPlan.Plan"/>).</summary>
    public DecisionPlan Plan { get; }

    /// <summary>The version of the law applied, or null.</summary>
    public RuleSetVersion? Version => Plan.Version;

    /// <summary>
    /// The designation, as the query gave it. A plan is shared by ad-hoc designations that grant the same powers
    /// under the same transitional rules (see <see cref="CachedPlan.Plan"/>), so the plan's may state another made day.
    /// </summary>
    public Designation Designation { get; }

    /// <summary>The date, if the query gave one.</summary>
    public DateOnly? Date { get; }

    /// <summary>Every power of the library, in catalogue order.</summary>
    public IReadOnlyList<PowerDecision> Powers => _powers ?? BuildPowers();

    /// <summary>The number of powers.</summary>
    public int Count => _buffer.Outcomes.Length;

    /// <summary>The outcome of the power at a catalogue index, without building the rich view.</summary>
    public Outcome OutcomeAt(int index) => _buffer.Outcomes[index];

    /// <summary>
    /// The confidence of the power at a catalogue index (as <see cref="PowerDecision.Confidence"/>), without
    /// building the rich view.
    /// </summary>
    public Confidence ConfidenceAt(int index) =>
        Certainty.IsLow(Plan.PowerArray[index], _buffer.Outcomes[index], Plan.ClauseArray, _buffer.Statuses) ? Confidence.Low : Confidence.High;

    /// <summary>The power id at a catalogue index.</summary>
    public string PowerAt(int index) => Plan.PowerArray[index].Power.Id;

    /// <summary>The decision for a power id, or null.</summary>
    public PowerDecision? Find(string powerId)
    {
        int index = Plan.Library.IndexOfPower(powerId);
        return index >= 0 && index < Count ? Powers[index] : null;
    }

    /// <summary>Builds the decision from a filled buffer, reporting the plan's date; the buffer is copied.</summary>
    public static Decision FromBuffer(DecisionPlan plan, DecisionBuffer buffer)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return FromBuffer(plan, plan.Date, buffer);
    }

    /// <summary>Builds the decision from a filled buffer for a query on <paramref name="date"/>; the buffer is copied.</summary>
    public static Decision FromBuffer(DecisionPlan plan, DateOnly? date, DecisionBuffer buffer) => FromBuffer(plan, date, buffer, null);

    /// <summary>
    /// Builds the decision from a filled buffer for a query on <paramref name="date"/> about <paramref name="situation"/>
    /// (given, undetermined powers carry <see cref="PowerDecision.PermittedIf"/>); the buffer and situation are copied.
    /// </summary>
    public static Decision FromBuffer(DecisionPlan plan, DateOnly? date, DecisionBuffer buffer, Situation? situation)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return FromBuffer(plan, plan.Designation, date, buffer, situation);
    }

    /// <summary>
    /// Builds the decision from a filled buffer for a query about <paramref name="designation"/> on
    /// <paramref name="date"/>, decided with a plan shared by other queries (<see cref="CachedPlan.Plan"/>); the
    /// buffer and situation are copied.
    /// </summary>
    public static Decision FromBuffer(DecisionPlan plan, Designation designation, DateOnly? date, DecisionBuffer buffer, Situation? situation)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(designation);
        ArgumentNullException.ThrowIfNull(buffer);
        var copy = new DecisionBuffer(buffer.Outcomes.Length, buffer.Statuses.Length);
        buffer.Outcomes.CopyTo(copy.Outcomes, 0);
        buffer.Missing.CopyTo(copy.Missing, 0);
        buffer.Statuses.CopyTo(copy.Statuses, 0);
        return new Decision(plan, designation, date, copy, situation);
    }

    private PowerDecision[] BuildPowers()
    {
        var schema = Plan.Library.Schema;
        var powers = new PowerDecision[Plan.PowerArray.Length];
        for (int p = 0; p < powers.Length; p++)
        {
            var power = Plan.PowerArray[p];
            var clauses = new ClauseResult[power.ClauseIndices.Length];
            for (int k = 0; k < clauses.Length; k++)
            {
                int index = power.ClauseIndices[k];
                clauses[k] = new ClauseResult(Plan.ClauseArray[index], _buffer.Statuses[index]);
            }

            var missing = new List<FactSymbol>();
            ulong mask = _buffer.Missing[p];
            foreach (var fact in schema.Facts)
            {
                if ((mask >> fact.Index & 1) != 0)
                {
                    missing.Add(fact);
                }
            }

            var outcome = _buffer.Outcomes[p];
            powers[p] = new PowerDecision(power, outcome, clauses, missing)
            {
                Residual = outcome == Outcome.Undetermined && _situation is not null ? ResidualAnalyzer.Compute(Plan, p, _buffer.Statuses, _situation, mask) : null,
            };
        }

        // Racing readers may both build; the views are equal and the first published is kept.
        return Interlocked.CompareExchange(ref _powers, powers, null) ?? powers;
    }
}
