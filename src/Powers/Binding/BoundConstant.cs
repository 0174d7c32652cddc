using Powers.Text;

namespace Powers.Binding;

/// <summary>A constant: a boolean (0/1), an integer, or an enum value (its index).</summary>
public sealed record BoundConstant(TextSpan Span, BoundType Type, int Value) : BoundExpression(Span, Type);
