namespace Powers.Syntax.Expressions;

/// <summary>The kinds of token of the expression language.</summary>
internal enum TokenKind
{
    /// <summary>The end of the expression.</summary>
    End,

    /// <summary>A fact name.</summary>
    Identifier,

    /// <summary>A non-negative integer.</summary>
    Integer,

    /// <summary>A 'single-quoted' value.</summary>
    Value,

    /// <summary><c>true</c>.</summary>
    True,

    /// <summary><c>false</c>.</summary>
    False,

    /// <summary><c>not</c>.</summary>
    Not,

    /// <summary><c>and</c>.</summary>
    And,

    /// <summary><c>or</c>.</summary>
    Or,

    /// <summary><c>in</c>.</summary>
    In,

    /// <summary><c>==</c>.</summary>
    Equal,

    /// <summary><c>!=</c>.</summary>
    NotEqual,

    /// <summary><c>&lt;</c>.</summary>
    Less,

    /// <summary><c>&lt;=</c>.</summary>
    LessOrEqual,

    /// <summary><c>&gt;</c>.</summary>
    Greater,

    /// <summary><c>&gt;=</c>.</summary>
    GreaterOrEqual,

    /// <summary><c>(</c>.</summary>
    OpenParen,

    /// <summary><c>)</c>.</summary>
    CloseParen,

    /// <summary><c>[</c>.</summary>
    OpenBracket,

    /// <summary><c>]</c>.</summary>
    CloseBracket,

    /// <summary><c>,</c>.</summary>
    Comma,

    /// <summary>Text that is no token; already reported.</summary>
    Bad,
}
