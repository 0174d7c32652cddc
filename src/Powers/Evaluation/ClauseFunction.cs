namespace Powers.Evaluation;

/// <summary>A compiled clause: reads the packed facts of a situation and returns its <see cref="Tri"/> bits.</summary>
/// <param name="values">The value slots.</param>
/// <param name="known">The known-mask.</param>
internal delegate Tri ClauseFunction(int[] values, ulong known);
