using Powers.Text;

namespace Powers.Syntax.Expressions;

/// <summary>A node of an expression's syntax tree; spans are in the file, so errors point into the JSON string.</summary>
internal abstract record ExpressionSyntax(TextSpan Span);
