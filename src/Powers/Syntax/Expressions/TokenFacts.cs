namespace Powers.Syntax.Expressions;

/// <summary>How tokens are written and described.</summary>
internal static class TokenFacts
{
    /// <summary>The text of an operator or keyword token.</summary>
    public static string Text(TokenKind kind) => kind switch
    {
        TokenKind.True => "true",
        TokenKind.False => "false",
        TokenKind.Not => "not",
        TokenKind.And => "and",
        TokenKind.Or => "or",
        TokenKind.In => "in",
        TokenKind.Equal => "==",
        TokenKind.NotEqual => "!=",
        TokenKind.Less => "<",
        TokenKind.LessOrEqual => "<=",
        TokenKind.Greater => ">",
        TokenKind.GreaterOrEqual => ">=",
        TokenKind.OpenParen => "(",
        TokenKind.CloseParen => ")",
        TokenKind.OpenBracket => "[",
        TokenKind.CloseBracket => "]",
        TokenKind.Comma => ",",
        _ => kind.ToString(),
    };

    /// <summary>A phrase for messages: "'and'", "a fact name", "the end of the expression".</summary>
    public static string Describe(Token token) => token.Kind switch
    {
        TokenKind.End => "the end of the expression",
        TokenKind.Identifier => "'" + token.Text + "'",
        TokenKind.Integer => "'" + token.Text + "'",
        TokenKind.Value => "'" + token.Text + "'",
        TokenKind.Bad => "'" + token.Text + "'",
        _ => "'" + Text(token.Kind) + "'",
    };

    /// <summary>Whether the kind is a comparison operator.</summary>
    public static bool IsComparison(TokenKind kind) =>
        kind is TokenKind.Equal or TokenKind.NotEqual or TokenKind.Less or TokenKind.LessOrEqual or TokenKind.Greater or TokenKind.GreaterOrEqual;
}
