using Powers.Binding;

namespace Powers.Batch;

/// <summary>
/// One leaf test of the batch program, computed for 64 situations at once into a register: a fact compared with
/// a constant (<see cref="Right"/> is -1), two facts compared, or a fact's membership in <see cref="Set"/>.
/// </summary>
/// <param name="Register">The register it writes.</param>
/// <param name="Left">The fact read.</param>
/// <param name="Right">The second fact read, or -1 to compare with <see cref="Constant"/>.</param>
/// <param name="Operator">The comparison (ignored for a membership test).</param>
/// <param name="Constant">The constant compared with.</param>
/// <param name="Set">For a membership test, the values; otherwise null.</param>
internal sealed record BatchAtom(int Register, int Left, int Right, ComparisonOperator Operator, int Constant, int[]? Set);
