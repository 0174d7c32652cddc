using Powers.Text;

namespace Powers.Syntax.Expressions;

/// <summary>An integer literal.</summary>
internal sealed record IntegerSyntax(TextSpan Span, int Value) : ExpressionSyntax(Span);
