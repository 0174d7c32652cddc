using Powers.Text;

namespace Powers.Binding;

/// <summary><c>and</c> (when <see cref="IsAnd"/>) or <c>or</c>.</summary>
public sealed record BoundLogical(TextSpan Span, bool IsAnd, BoundExpression Left, BoundExpression Right) : BoundExpression(Span, BoundType.Bool);
