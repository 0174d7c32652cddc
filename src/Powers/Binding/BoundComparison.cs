using Powers.Text;

namespace Powers.Binding;

/// <summary>A comparison of two values of one type.</summary>
public sealed record BoundComparison(TextSpan Span, ComparisonOperator Operator, BoundExpression Left, BoundExpression Right) : BoundExpression(Span, BoundType.Bool);
