using Powers.Model;

namespace Powers.Deciding;

/// <summary>A compiled whole decision without explanations: reads packed facts and writes one outcome per power.</summary>
/// <param name="values">The value slots.</param>
/// <param name="knownLow">The known-mask of facts 0 to 63.</param>
/// <param name="knownHigh">The known-mask of facts 64 to 127.</param>
/// <param name="outcomes">One outcome per power of the plan, in catalogue order.</param>
internal delegate void OutcomeFunction(int[] values, ulong knownLow, ulong knownHigh, Outcome[] outcomes);
