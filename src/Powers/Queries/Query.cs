using Powers.Evaluation;
using Powers.Model;

namespace Powers.Queries;

/// <summary>A resolved query: the date, the version of the law, the designation and the situation.</summary>
/// <param name="Date">The date, or null when a version is selected explicitly.</param>
/// <param name="Version">The version to apply, or null when none is in force on the date.</param>
/// <param name="Designation">The designation (stored or ad-hoc).</param>
/// <param name="Situation">The facts; missing ones are unknown.</param>
public sealed record Query(DateOnly? Date, RuleSetVersion? Version, Designation Designation, Situation Situation);
