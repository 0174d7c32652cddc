namespace Powers.Analysis;

/// <summary>Kleene <c>and</c> (when <see cref="IsAnd"/>) or <c>or</c> over two or more operands.</summary>
internal sealed class JunctionTerm : Term
{
    public JunctionTerm(bool isAnd, Term[] operands)
    {
        IsAnd = isAnd;
        Operands = operands;
        UInt128 mask = UInt128.Zero;
        foreach (var o in operands)
        {
            mask |= o.Mask;
        }

        Mask = mask;
    }

    public bool IsAnd { get; }

    public Term[] Operands { get; }

    public override UInt128 Mask { get; }
}
