using Powers.Diagnostics;
using Powers.Syntax.Json;
using Powers.Text;

namespace Powers.Syntax.Expressions;

/// <summary>Splits an expression into tokens; reports characters that start no token, at their file position.</summary>
internal sealed class Lexer
{
    private readonly string _text;
    private readonly JsonString _origin;
    private readonly SourceText _source;
    private readonly DiagnosticBag _diagnostics;
    private int _pos;

    public Lexer(JsonString origin, SourceText source, DiagnosticBag diagnostics)
    {
        _origin = origin;
        _text = origin.Value;
        _source = source;
        _diagnostics = diagnostics;
    }

    public List<Token> Tokenize()
    {
        var tokens = new List<Token>();
        while (true)
        {
            var token = Next();
            tokens.Add(token);
            if (token.Kind == TokenKind.End)
            {
                return tokens;
            }
        }
    }

    private Token Next()
    {
        while (_pos < _text.Length && char.IsWhiteSpace(_text[_pos]))
        {
            _pos++;
        }

        int start = _pos;
        if (_pos >= _text.Length)
        {
            return new Token(TokenKind.End, new TextSpan(_pos, 0), string.Empty);
        }

        char c = _text[_pos];
        if (char.IsAsciiLetter(c) || c == '_')
        {
            while (_pos < _text.Length && (char.IsAsciiLetterOrDigit(_text[_pos]) || _text[_pos] == '_'))
            {
                _pos++;
            }

            string word = _text[start.._pos];
            var kind = word switch
            {
                "true" => TokenKind.True,
                "false" => TokenKind.False,
                "not" => TokenKind.Not,
                "and" => TokenKind.And,
                "or" => TokenKind.Or,
                "in" => TokenKind.In,
                _ => TokenKind.Identifier,
            };
            return new Token(kind, TextSpan.FromBounds(start, _pos), word);
        }

        if (char.IsAsciiDigit(c))
        {
            while (_pos < _text.Length && char.IsAsciiDigit(_text[_pos]))
            {
                _pos++;
            }

            return new Token(TokenKind.Integer, TextSpan.FromBounds(start, _pos), _text[start.._pos]);
        }

        if (c == '\'')
        {
            _pos++;
            while (_pos < _text.Length && _text[_pos] != '\'')
            {
                _pos++;
            }

            if (_pos >= _text.Length)
            {
                Report(DiagnosticDescriptors.UnterminatedLiteral, TextSpan.FromBounds(start, _pos));
                return new Token(TokenKind.Bad, TextSpan.FromBounds(start, _pos), _text[start.._pos]);
            }

            _pos++;
            return new Token(TokenKind.Value, TextSpan.FromBounds(start, _pos), _text[(start + 1)..(_pos - 1)]);
        }

        char next = _pos + 1 < _text.Length ? _text[_pos + 1] : '\0';
        switch (c)
        {
            case '(': return Single(TokenKind.OpenParen);
            case ')': return Single(TokenKind.CloseParen);
            case '[': return Single(TokenKind.OpenBracket);
            case ']': return Single(TokenKind.CloseBracket);
            case ',': return Single(TokenKind.Comma);
            case '<': return next == '=' ? Double(TokenKind.LessOrEqual) : Single(TokenKind.Less);
            case '>': return next == '=' ? Double(TokenKind.GreaterOrEqual) : Single(TokenKind.Greater);
            case '=' when next == '=': return Double(TokenKind.Equal);
            case '!' when next == '=': return Double(TokenKind.NotEqual);
            case '=': return Unsupported(1, "==");
            case '!': return Unsupported(1, "'not'");
            case '&' when next == '&': return Unsupported(2, "'and'");
            case '|' when next == '|': return Unsupported(2, "'or'");
            case '"': return Unsupported(1, "single quotes for values, e.g. 's47a'");
            default:
                Report(DiagnosticDescriptors.UnexpectedCharacter, new TextSpan(start, 1), c);
                return new Token(TokenKind.Bad, new TextSpan(start, 1), c.ToString());
        }
    }

    private Token Single(TokenKind kind)
    {
        _pos++;
        return new Token(kind, new TextSpan(_pos - 1, 1), string.Empty);
    }

    private Token Double(TokenKind kind)
    {
        _pos += 2;
        return new Token(kind, new TextSpan(_pos - 2, 2), string.Empty);
    }

    private Token Unsupported(int length, string instead)
    {
        var span = new TextSpan(_pos, length);
        string text = _text.Substring(_pos, length);
        Report(DiagnosticDescriptors.UnsupportedSyntax, span, text, instead);
        return new Token(TokenKind.Bad, span, text);
    }

    private void Report(DiagnosticDescriptor descriptor, TextSpan span, params object?[] args)
    {
        // One mistake, one diagnostic: the rest of the expression is not tokenized.
        _diagnostics.Report(descriptor, _source, _origin.SourceSpan(span), args);
        _pos = _text.Length;
    }
}
