using Powers.Text;

namespace Powers.Syntax.Expressions;

/// <summary>A binary operator: <c>and</c>, <c>or</c> or a comparison.</summary>
internal sealed record BinarySyntax(TextSpan Span, TokenKind Operator, TextSpan OperatorSpan, ExpressionSyntax Left, ExpressionSyntax Right) : ExpressionSyntax(Span);
