
using Powers.Planning;
using Powers.Queries;

namespace Powers.Benchmarks;

/// <summary>A named query for the single-decision benchmarks: its plan, situation and the reference outcomes.</summary>
/// <param name="Name">The name shown in the results table.</param>
/// <param name="Json">The query document.</param>
/// <param name="Query">The resolved query.</param>
/// <param name="Plan">Its plan.</param>
/// <param name="Expected">The reference interpreter's decision.</param>
public sealed record Scenario(string Name, string Json, Query Query, DecisionPlan Plan, DecisionBuffer Expected);
