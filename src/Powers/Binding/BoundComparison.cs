using Powers.Text;

namespace Powers.Binding;

/// <summary>A comparison of two values of one type.</summary>
public sealed class BoundComparison : BoundExpression
{
    internal BoundComparison(TextSpan span, ComparisonOperator @operator, BoundExpression left, BoundExpression right)
        : base(span, BoundType.Bool)
    {
        Operator = @operator;
        Left = left;
        Right = right;
    }

    /// <summary>The operator.</summary>
    public ComparisonOperator Operator { get; }

    /// <summary>The left operand.</summary>
    public BoundExpression Left { get; }

    /// <summary>The right operand.</summary>
    public BoundExpression Right { get; }
}
