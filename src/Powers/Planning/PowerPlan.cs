using Powers.Model;

namespace Powers.Planning;

/// <summary>The plan for one power: its fixed outcome, or the clauses (by index into the plan) that decide it.</summary>
public sealed class PowerPlan
{
    internal PowerPlan(PowerDefinition power, PowerPlanKind kind, PowerRule? rule, int[] clauseIndices, string? reason)
    {
        Power = power;
        Kind = kind;
        Rule = rule;
        ClauseIndices = clauseIndices;
        Reason = reason;
    }

    /// <summary>The catalogue entry.</summary>
    public PowerDefinition Power { get; }

    /// <summary>Fixed outcome or evaluate.</summary>
    public PowerPlanKind Kind { get; }

    /// <summary>The power as the version confers it, when in force.</summary>
    public PowerRule? Rule { get; }

    /// <summary>Indices into <see cref="DecisionPlan.Clauses"/>, in report order.</summary>
    public int[] ClauseIndices { get; }

    /// <summary>Why the outcome is fixed, for a not-in-force or not-designated power.</summary>
    public string? Reason { get; }

    /// <summary>The outcome the plan fixes whatever the facts (not in force, not designated), or null when clauses decide.</summary>
    internal Outcome? FixedOutcome => Kind switch
    {
        PowerPlanKind.NotInForce => Outcome.NotInForce,
        PowerPlanKind.NotDesignated => Outcome.NotDesignated,
        _ => null,
    };

    /// <summary>
    /// The low-confidence readings the outcome rests on whatever the facts: a removal, a commencement or force list,
    /// a transitional rule, the power's own entry, or the designation. Clauses add theirs when decided.
    /// </summary>
    public IReadOnlyList<UncertainReading> Uncertain { get; internal init; } = [];

    /// <summary>
    /// Clauses (of <see cref="DecisionPlan.Clauses"/>) whose <c>granted('...')</c> answers rest on an open question
    /// (a power not kept because standard powers are not kept across a transition), with that question. Like a
    /// low-confidence clause, except that it cannot lower a permitted outcome: such an answer only ever withholds.
    /// </summary>
    internal IReadOnlyList<(Clause Clause, UncertainReading Reading)> OpenClauses { get; init; } = [];
}
