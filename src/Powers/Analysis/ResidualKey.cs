namespace Powers.Analysis;

/// <summary>A <see cref="ResidualCache"/> key: a power, which of the facts its clauses read are known, and their values in fact order.</summary>
/// <param name="Power">The power's index in the plan.</param>
/// <param name="Known">The known facts among those the power's clauses read.</param>
/// <param name="Values">The values of those known facts, in fact order.</param>
/// <param name="Hash">The hash <see cref="ResidualKeyComparer"/> gives it (and its probe).</param>
internal sealed record ResidualKey(int Power, UInt128 Known, int[] Values, int Hash);
