using Powers.Text;

namespace Powers.Binding;

/// <summary><c>and</c> (when <see cref="IsAnd"/>) or <c>or</c>.</summary>
public sealed class BoundLogical : BoundExpression
{
    internal BoundLogical(TextSpan span, bool isAnd, BoundExpression left, BoundExpression right)
        : base(span, BoundType.Bool)
    {
        IsAnd = isAnd;
        Left = left;
        Right = right;
    }

    /// <summary>Whether it is <c>and</c> (otherwise <c>or</c>).</summary>
    public bool IsAnd { get; }

    /// <summary>The left operand.</summary>
    public BoundExpression Left { get; }

    /// <summary>The right operand.</summary>
    public BoundExpression Right { get; }
}
