using Powers.Text;

namespace Powers.Syntax.Expressions;

/// <summary><c>not</c> applied to an operand.</summary>
public sealed record NotSyntax(TextSpan Span, ExpressionSyntax Operand) : ExpressionSyntax(Span);
