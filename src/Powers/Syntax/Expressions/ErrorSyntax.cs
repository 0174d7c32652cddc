using Powers.Text;

namespace Powers.Syntax.Expressions;

/// <summary>Where the parser found an error (already reported); binds to an error node without another diagnostic.</summary>
internal sealed record ErrorSyntax(TextSpan Span) : ExpressionSyntax(Span);
