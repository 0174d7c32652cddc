using Powers.Text;

namespace Powers.Syntax.Expressions;

/// <summary>An integer literal.</summary>
public sealed record IntegerSyntax(TextSpan Span, int Value) : ExpressionSyntax(Span);
