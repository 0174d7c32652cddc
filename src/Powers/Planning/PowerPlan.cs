using Powers.Model;

namespace Powers.Planning;

/// <summary>The plan for one power: its fixed outcome, or the clauses (by index into the plan) that decide it.</summary>
/// <param name="Power">The catalogue entry.</param>
/// <param name="Kind">Fixed outcome or evaluate.</param>
/// <param name="Rule">The power as the version confers it, when in force.</param>
/// <param name="ClauseIndices">Indices into <see cref="DecisionPlan.Clauses"/>, in report order.</param>
/// <param name="Reason">Why the outcome is fixed, for a not-in-force or not-designated power.</param>
public sealed record PowerPlan(PowerDefinition Power, PowerPlanKind Kind, PowerRule? Rule, int[] ClauseIndices, string? Reason)
{
    /// <summary>
    /// The low-confidence readings the outcome rests on whatever the facts: a removal, a commencement or force list,
    /// a transitional rule, the power's own entry, or the designation. Clauses add theirs when decided.
    /// </summary>
    public IReadOnlyList<UncertainReading> Uncertain { get; init; } = [];

    /// <summary>
    /// Clauses (of <see cref="DecisionPlan.Clauses"/>) whose <c>granted('...')</c> answers rest on an open question
    /// (a power not kept because standard powers are not kept across a transition), with that question. Like a
    /// low-confidence clause, except that it cannot lower a permitted outcome: such an answer only ever withholds.
    /// </summary>
    internal IReadOnlyList<(Clause Clause, UncertainReading Reading)> OpenClauses { get; init; } = [];
}
