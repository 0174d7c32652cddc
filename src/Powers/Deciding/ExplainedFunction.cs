using Powers.Evaluation;
using Powers.Model;

namespace Powers.Deciding;

/// <summary>A compiled whole decision with explanations: outcomes, clause statuses and missing facts.</summary>
/// <param name="values">The value slots.</param>
/// <param name="knownLow">The known-mask of facts 0 to 63.</param>
/// <param name="knownHigh">The known-mask of facts 64 to 127.</param>
/// <param name="statuses">One status per clause of the plan.</param>
/// <param name="outcomes">One outcome per power of the plan.</param>
/// <param name="missing">Per power, the unknown facts that left it undetermined.</param>
internal delegate void ExplainedFunction(int[] values, ulong knownLow, ulong knownHigh, Tri[] statuses, Outcome[] outcomes, UInt128[] missing);
