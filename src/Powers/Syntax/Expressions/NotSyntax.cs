using Powers.Text;

namespace Powers.Syntax.Expressions;

/// <summary><c>not</c> applied to an operand.</summary>
internal sealed record NotSyntax(TextSpan Span, ExpressionSyntax Operand) : ExpressionSyntax(Span);
