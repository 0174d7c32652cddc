using Powers.Text;

namespace Powers.Binding;

/// <summary>Membership of a value in a list of constants.</summary>
public sealed record BoundIn(TextSpan Span, BoundExpression Operand, IReadOnlyList<int> Values) : BoundExpression(Span, BoundType.Bool);
