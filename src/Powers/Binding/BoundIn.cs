using Powers.Text;

namespace Powers.Binding;

/// <summary>Membership of a value in a list of constants.</summary>
public sealed class BoundIn : BoundExpression
{
    internal BoundIn(TextSpan span, BoundExpression operand, IReadOnlyList<int> values)
        : base(span, BoundType.Bool)
    {
        Operand = operand;
        Values = values;
    }

    /// <summary>The value tested.</summary>
    public BoundExpression Operand { get; }

    /// <summary>The constants it may be (enum values by index).</summary>
    public IReadOnlyList<int> Values { get; }
}
