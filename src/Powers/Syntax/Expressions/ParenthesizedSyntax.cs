using Powers.Text;

namespace Powers.Syntax.Expressions;

/// <summary>A parenthesized expression (kept so the printer can round-trip exactly).</summary>
internal sealed record ParenthesizedSyntax(TextSpan Span, ExpressionSyntax Inner) : ExpressionSyntax(Span);
