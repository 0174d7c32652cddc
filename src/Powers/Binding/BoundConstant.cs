using Powers.Text;

namespace Powers.Binding;

/// <summary>A constant: a boolean (0/1), an integer, or an enum value (its index).</summary>
public sealed class BoundConstant : BoundExpression
{
    internal BoundConstant(TextSpan span, BoundType type, int value)
        : base(span, type)
    {
        Value = value;
    }

    /// <summary>The value: 0 or 1 for a boolean, the number for an integer, the value's index for an enum.</summary>
    public int Value { get; }
}
