using Powers.Text;

namespace Powers.Syntax.Expressions;

/// <summary>A 'single-quoted' enum value; its type comes from what it is compared with.</summary>
internal sealed record ValueSyntax(TextSpan Span, string Value) : ExpressionSyntax(Span);
