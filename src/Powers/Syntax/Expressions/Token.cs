using Powers.Text;

namespace Powers.Syntax.Expressions;

/// <summary>A token with its span in the expression string (not the file).</summary>
/// <param name="Kind">The kind.</param>
/// <param name="Span">The span within the expression string.</param>
/// <param name="Text">The text: the name, the digits, or the unquoted value.</param>
internal readonly record struct Token(TokenKind Kind, TextSpan Span, string Text);
