using Powers.Binding;

namespace Powers.Analysis;

/// <summary>A leaf the reference interpreter decides once its facts are fixed: a bool fact, a comparison or an <c>in</c>.</summary>
internal sealed class AtomTerm : Term
{
    public AtomTerm(BoundExpression expression)
    {
        Expression = expression;
        Mask = FactUsage.Mask(expression);
    }

    public BoundExpression Expression { get; }

    public override UInt128 Mask { get; }
}
