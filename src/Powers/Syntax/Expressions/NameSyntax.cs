using Powers.Text;

namespace Powers.Syntax.Expressions;

/// <summary>A fact name.</summary>
internal sealed record NameSyntax(TextSpan Span, string Name) : ExpressionSyntax(Span);
