using Powers.Model;

namespace Powers.Planning;

/// <summary>
/// Everything about a decision that does not depend on the facts: the version, the designation, and per power
/// either a fixed outcome or its clauses. Clauses shared by several powers (general ones) appear once, so each
/// is evaluated once per decision. Immutable; build once and decide many situations with it.
/// </summary>
public sealed class DecisionPlan
{
    internal DecisionPlan(RuleLibrary library, RuleSetVersion? version, Designation designation, DateOnly? date, PowerPlan[] powers, Clause[] clauses)
    {
        Library = library;
        Version = version;
        Designation = designation;
        Date = date;
        PowerArray = powers;
        ClauseArray = clauses;
    }

    internal PowerPlan[] PowerArray { get; }

    internal Clause[] ClauseArray { get; }

    /// <summary>
    /// What the output level keeps for this plan (shared views of its powers, its document's encoded bytes), built on
    /// first use; a slot here so that a decision finds it without a lookup.
    /// </summary>
    internal object? OutputSlot;

    /// <summary>The library.</summary>
    public RuleLibrary Library { get; }

    /// <summary>The version of the law applied, or null when none is in force.</summary>
    public RuleSetVersion? Version { get; }

    /// <summary>The designation.</summary>
    public Designation Designation { get; }

    /// <summary>The date, when the query gave one.</summary>
    public DateOnly? Date { get; }

    /// <summary>Per power, in catalogue order.</summary>
    public IReadOnlyList<PowerPlan> Powers => PowerArray;

    /// <summary>The distinct clauses evaluated.</summary>
    public IReadOnlyList<Clause> Clauses => ClauseArray;

    /// <summary>A buffer sized for this plan.</summary>
    public DecisionBuffer CreateBuffer() => new(PowerArray.Length, ClauseArray.Length);
}
