using Powers.Evaluation;
using Powers.Model;

namespace Powers.Deciding;

/// <summary>A compiled whole decision with explanations: outcomes, clause statuses and missing facts.</summary>
/// <param name="values">The value slots.</param>
/// <param name="known">The known-mask.</param>
/// <param name="statuses">One status per clause of the plan.</param>
/// <param name="outcomes">One outcome per power of the plan.</param>
/// <param name="missing">Per power, the unknown facts that left it undetermined.</param>
internal delegate void ExplainedFunction(int[] values, ulong known, Tri[] statuses, Outcome[] outcomes, ulong[] missing);
