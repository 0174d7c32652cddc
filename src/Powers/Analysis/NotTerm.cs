namespace Powers.Analysis;

/// <summary>Kleene negation.</summary>
internal sealed class NotTerm : Term
{
    public NotTerm(Term operand) => Operand = operand;

    public Term Operand { get; }

    public override UInt128 Mask => Operand.Mask;
}
