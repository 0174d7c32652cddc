using Powers.Model;

namespace Powers.Planning;

/// <summary>
/// Which rules decide one power for a plan: the version's own, or an earlier version's kept by a transitional
/// <see cref="Preservation"/>; whether the power is in force on them, and the low-confidence readings that says so.
/// </summary>
internal sealed record PowerRoute(RuleSetVersion Version, PowerRule? Rule, bool InForce, string? Reason, Preservation? Preserved, IReadOnlyList<UncertainReading> Uncertain);
