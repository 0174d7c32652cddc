using Powers.Text;

namespace Powers.Syntax.Expressions;

/// <summary>A fact name.</summary>
public sealed record NameSyntax(TextSpan Span, string Name) : ExpressionSyntax(Span);
