using Powers.Text;

namespace Powers.Syntax.Expressions;

/// <summary><c>true</c> or <c>false</c>.</summary>
internal sealed record BooleanSyntax(TextSpan Span, bool Value) : ExpressionSyntax(Span);
