using Powers.Analysis;
using Powers.Deciding;
using Powers.Evaluation;
using Powers.Model;
using Powers.Planning;

namespace Powers.Decisions;

/// <summary>
/// A whole decision: the version and designation applied, and an outcome for every power of the library. It is the
/// compact result (each power's outcome, each clause's status, the missing facts) and nothing more: reading it
/// never explains. <see cref="Powers"/> views each power with its clauses and citations (views shared by every
/// decision that came out the same way, so reading them allocates next to nothing); <see cref="Explain"/> adds
/// what would permit each undetermined power (<c>permittedIf</c>), a search run within an <see cref="AnalysisBudget"/>.
/// </summary>
/// <remarks>System.Text.Json writes it as the decision document (<see cref="DecisionJsonConverter"/>).</remarks>
[System.Text.Json.Serialization.JsonConverter(typeof(DecisionJsonConverter))]
public sealed class Decision
{
    // Each power's outcome (catalogue order), then each clause's status (plan order), one byte each.
    private readonly byte[] _state;

    // The facts, kept only when some power is undetermined (its missing facts and residual read them): the values
    // array shared with the situation decided, which copies it before its next change (Situation.ShareValues), and
    // which facts were known. A situation over them is made only when residuals are searched. Every field here is
    // paid by every hosted decision (issue 20 counts its bytes), so the power count is read from the plan.
    private readonly int[]? _values;
    private readonly ulong _knownLow;
    private readonly ulong _knownHigh;

    // The missing-fact masks as a caller's buffer gave them, when it gave no situation to derive them from.
    private readonly UInt128[]? _missing;
    private PowerDecisionList? _powers;
    private Residual?[]? _residuals;

    private Decision(DecisionPlan plan, Designation designation, DateOnly? date, byte[] state, Situation? situation, UInt128[]? missing)
    {
        Plan = plan;
        Designation = designation;
        Date = date;
        _state = state;
        if (situation is not null)
        {
            _values = situation.ShareValues();
            _knownLow = situation.KnownLow;
            _knownHigh = situation.KnownHigh;
        }

        _missing = missing;
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

    /// <summary>
    /// Every power of the library, in catalogue order, with its clauses, citations, confidence and missing facts.
    /// Reading them explains nothing: <see cref="PowerDecision.PermittedIf"/> is null here; see <see cref="Explain"/>.
    /// </summary>
    public IReadOnlyList<PowerDecision> Powers => _powers ??= new PowerDecisionList(this);

    /// <summary>The number of powers.</summary>
    public int Count => Plan.PowerArray.Length;

    /// <summary>The outcome of the power at a catalogue index, from the compact result.</summary>
    public Outcome OutcomeAt(int index) => (Outcome)_state[CheckIndex(index)];

    /// <summary>
    /// The confidence of the power at a catalogue index (as <see cref="PowerDecision.Confidence"/>), from the
    /// compact result.
    /// </summary>
    public Confidence ConfidenceAt(int index) =>
        Certainty.IsLow(Plan.PowerArray[CheckIndex(index)], (Outcome)_state[index], Plan.ClauseArray, Statuses) ? Confidence.Low : Confidence.High;

    /// <summary>The power id at a catalogue index.</summary>
    public string PowerAt(int index) => Plan.PowerArray[CheckIndex(index)].Power.Id;

    /// <summary>The decision for a power id, or null.</summary>
    public PowerDecision? Find(string powerId)
    {
        int index = Plan.Library.IndexOfPower(powerId);
        return index >= 0 && index < Count ? ViewAt(index) : null;
    }

    /// <summary>
    /// Explains the decision: every power as <see cref="Powers"/> has it, and for each undetermined power what would
    /// permit it (<see cref="PowerDecision.Residual"/>: <c>permittedIf</c> and an example). The search runs within
    /// <paramref name="budget"/> (default <see cref="AnalysisBudget.Explanation"/>); a power whose search ran out gets a
    /// residual with a null condition and the reason (<see cref="Residual.Stopped"/>), never a condition that was not
    /// established.
    /// </summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public IReadOnlyList<PowerDecision> Explain(AnalysisBudget? budget = null, CancellationToken cancellationToken = default)
    {
        var residuals = Residuals(budget, cancellationToken);
        var powers = new PowerDecision[Plan.PowerArray.Length];
        for (int p = 0; p < powers.Length; p++)
        {
            var view = ViewAt(p);
            powers[p] = residuals?[p] is { } residual ? view with { Residual = residual } : view;
        }

        return powers;
    }

    /// <summary>Builds the decision from a filled buffer, reporting the plan's date; the buffer is copied.</summary>
    internal static Decision FromBuffer(DecisionPlan plan, DecisionBuffer buffer)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return FromBuffer(plan, plan.Date, buffer);
    }

    /// <summary>Builds the decision from a filled buffer for a query on <paramref name="date"/>; the buffer is copied.</summary>
    internal static Decision FromBuffer(DecisionPlan plan, DateOnly? date, DecisionBuffer buffer) => FromBuffer(plan, date, buffer, null);

    /// <summary>
    /// Builds the decision from a filled buffer for a query on <paramref name="date"/> about <paramref name="situation"/>
    /// (given, <see cref="Explain"/> can say what would permit an undetermined power); the buffer is copied and the
    /// situation's facts kept as they are now (later changes to the situation do not reach the decision).
    /// </summary>
    internal static Decision FromBuffer(DecisionPlan plan, DateOnly? date, DecisionBuffer buffer, Situation? situation)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return FromBuffer(plan, plan.Designation, date, buffer, situation);
    }

    /// <summary>
    /// Builds the decision from a filled buffer for a query about <paramref name="designation"/> on
    /// <paramref name="date"/>, decided with a plan shared by other queries (<see cref="CachedPlan.Plan"/>); the
    /// buffer is copied and the situation's facts kept as they are now.
    /// </summary>
    internal static Decision FromBuffer(DecisionPlan plan, Designation designation, DateOnly? date, DecisionBuffer buffer, Situation? situation)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(designation);
        ArgumentNullException.ThrowIfNull(buffer);
        if (buffer.Outcomes.Length < plan.PowerArray.Length || buffer.Statuses.Length < plan.ClauseArray.Length || buffer.Missing.Length < plan.PowerArray.Length)
        {
            throw new ArgumentException("The buffer was not made for this plan.", nameof(buffer));
        }

        if (situation is not null && !ReferenceEquals(situation.Schema, plan.Library.Schema))
        {
            throw new ArgumentException("The situation follows another fact schema.", nameof(situation));
        }

        UInt128[]? missing = null;
        if (situation is null && Array.IndexOf(buffer.Outcomes, Outcome.Undetermined, 0, plan.PowerArray.Length) >= 0)
        {
            missing = buffer.Missing.AsSpan(0, plan.PowerArray.Length).ToArray();
        }

        return Create(plan, designation, date, buffer, situation, missing);
    }

    /// <summary>
    /// The decision a decider just wrote into <paramref name="buffer"/> (at least the plan's size; a scratch buffer
    /// may be larger) for <paramref name="situation"/>: outcomes and statuses are copied; the situation's facts are kept
    /// when some power is undetermined (its missing facts are derived from them), shared with the situation until it
    /// next changes (<see cref="Situation.ShareValues"/>).
    /// </summary>
    internal static Decision Create(DecisionPlan plan, Designation designation, DateOnly? date, DecisionBuffer buffer, Situation? situation, UInt128[]? missing = null)
    {
        int powers = plan.PowerArray.Length;
        int clauses = plan.ClauseArray.Length;
        var state = GC.AllocateUninitializedArray<byte>(powers + clauses);
        System.Runtime.InteropServices.MemoryMarshal.AsBytes(buffer.Outcomes.AsSpan(0, powers)).CopyTo(state);
        System.Runtime.InteropServices.MemoryMarshal.AsBytes(buffer.Statuses.AsSpan(0, clauses)).CopyTo(state.AsSpan(powers));
        bool undetermined = state.AsSpan(0, powers).IndexOf((byte)Outcome.Undetermined) >= 0;
        return new Decision(plan, designation, date, state, undetermined && missing is null ? situation : null, missing);
    }

    /// <summary>The status of every clause of the plan, from the compact result.</summary>
    internal ReadOnlySpan<Tri> Statuses => System.Runtime.InteropServices.MemoryMarshal.Cast<byte, Tri>(_state.AsSpan(Plan.PowerArray.Length));

    /// <summary>The missing facts of the power at a catalogue index, as a mask (0 unless it is undetermined).</summary>
    internal UInt128 MissingAt(int index)
    {
        if (_state[index] != (byte)Outcome.Undetermined)
        {
            return UInt128.Zero;
        }

        if (_missing is not null)
        {
            return _missing[index];
        }

        // As the deciders gather them: the unknown facts of the power's unknown clauses.
        UInt128 unknownFacts = ~new UInt128(_knownHigh, _knownLow);
        UInt128 missing = UInt128.Zero;
        var statuses = Statuses;
        var clauses = Plan.ClauseArray;
        foreach (int c in Plan.PowerArray[index].ClauseIndices)
        {
            if (statuses[c] == Tri.Unknown)
            {
                missing |= clauses[c].FactMask & unknownFacts;
            }
        }

        return missing;
    }

    /// <summary>The shared view of the power at a catalogue index (no residual).</summary>
    internal PowerDecision ViewAt(int index) => PlanOutput.Of(Plan).View(index, OutcomeAt(index), Statuses, MissingAt(index));

    /// <summary>
    /// What would permit each undetermined power, by catalogue index, or null when this decision cannot say (no
    /// situation was given with its buffer). Kept once every search finished within its budget.
    /// </summary>
    internal Residual?[]? Residuals(AnalysisBudget? budget, CancellationToken cancellationToken)
    {
        if (_residuals is { } done)
        {
            return done;
        }

        if (_values is null)
        {
            return null;
        }

        var facts = Situation.Adopt(Plan.Library.Schema, _values, _knownLow, _knownHigh);

        // A search asked to stop would throw at its first step; one answered from the cache takes none.
        cancellationToken.ThrowIfCancellationRequested();
        var chosen = budget ?? AnalysisBudget.Explanation;
        var cache = PlanOutput.Of(Plan).Residuals;
        AnalysisMeter? meter = null;
        Tri[]? statuses = null;
        var residuals = new Residual?[Plan.PowerArray.Length];
        bool stopped = false;
        for (int p = 0; p < residuals.Length; p++)
        {
            if (_state[p] != (byte)Outcome.Undetermined)
            {
                continue;
            }

            var residual = cache.Find(p, facts, chosen);
            if (residual is null)
            {
                meter ??= new AnalysisMeter(chosen, cancellationToken);
                statuses ??= Statuses.ToArray();
                residual = ResidualAnalyzer.Compute(Plan, p, statuses, facts, MissingAt(p), meter);
                cache.Add(p, facts, residual, meter.Steps);
            }

            residuals[p] = residual;
            stopped |= residual.Stopped is not null;
        }

        // A finished search gives the same answer under any budget; a stopped one may finish under a larger one.
        if (!stopped)
        {
            _residuals = residuals;
        }

        return residuals;
    }

    private int CheckIndex(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Plan.PowerArray.Length);
        return index;
    }
}
