using Powers.Text;

namespace Powers.Binding;

/// <summary>Negation.</summary>
public sealed record BoundNot(TextSpan Span, BoundExpression Operand) : BoundExpression(Span, BoundType.Bool);
