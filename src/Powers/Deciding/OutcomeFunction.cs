using Powers.Model;

namespace Powers.Deciding;

/// <summary>A compiled whole decision without explanations: reads packed facts and writes one outcome per power.</summary>
/// <param name="values">The value slots.</param>
/// <param name="known">The known-mask.</param>
/// <param name="outcomes">One outcome per power of the plan, in catalogue order.</param>
internal delegate void OutcomeFunction(int[] values, ulong known, Outcome[] outcomes);
