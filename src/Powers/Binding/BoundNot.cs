using Powers.Text;

namespace Powers.Binding;

/// <summary>Negation.</summary>
public sealed class BoundNot : BoundExpression
{
    internal BoundNot(TextSpan span, BoundExpression operand)
        : base(span, BoundType.Bool)
    {
        Operand = operand;
    }

    /// <summary>The operand.</summary>
    public BoundExpression Operand { get; }
}
