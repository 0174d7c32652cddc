using Powers.Model;

namespace Powers.Planning;

/// <summary>What a plan decided about a power before looking at any fact.</summary>
public enum PowerPlanKind : byte
{
    /// <summary>Decided <see cref="Outcome.NotInForce"/>.</summary>
    NotInForce,

    /// <summary>Decided <see cref="Outcome.NotDesignated"/>.</summary>
    NotDesignated,

    /// <summary>Decided by its clauses.</summary>
    Evaluate,
}
