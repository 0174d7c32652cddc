using Powers.Evaluation;

namespace Powers.Analysis;

/// <summary>A <see cref="ResidualCache"/> lookup that reads the situation in place (no key is built unless it is added).</summary>
/// <param name="Power">The power's index in the plan.</param>
/// <param name="Known">The known facts among those the power's clauses read.</param>
/// <param name="Situation">The situation decided.</param>
/// <param name="Hash">The hash of the power, <paramref name="Known"/> and the known values.</param>
internal readonly record struct ResidualProbe(int Power, UInt128 Known, Situation Situation, int Hash);
