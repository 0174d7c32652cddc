using Powers.Text;

namespace Powers.Syntax.Expressions;

/// <summary><c>operand in [v, ...]</c>.</summary>
internal sealed record InSyntax(TextSpan Span, ExpressionSyntax Operand, IReadOnlyList<ExpressionSyntax> Values) : ExpressionSyntax(Span);
