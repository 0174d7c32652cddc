using System.Globalization;
using Powers.Diagnostics;
using Powers.Syntax.Json;
using Powers.Text;

namespace Powers.Syntax.Expressions;

/// <summary>
/// Parses the closed expression language by recursive descent. Nesting is bounded explicitly
/// (<see cref="MaxDepth"/>) and length is bounded (<see cref="MaxLength"/>), so no input can overflow the
/// stack. The first syntax error ends the parse of that expression; the result is then an <see cref="ErrorSyntax"/>.
/// </summary>
internal sealed class ExpressionParser
{
    /// <summary>The deepest nesting of parentheses and <c>not</c> accepted.</summary>
    public const int MaxDepth = 32;

    /// <summary>The longest expression accepted, in characters.</summary>
    public const int MaxLength = 4096;

    /// <summary>The name of the call <c>granted('power-id')</c>: whether the CSO has the power.</summary>
    public const string GrantedName = "granted";

    /// <summary>
    /// The name of the call <c>designated('power-id')</c>: whether the designation itself grants the power (not only
    /// the standard-powers order), for provisions that apply only where "a designation applies" a paragraph the
    /// order never applied.
    /// </summary>
    public const string DesignatedName = "designated";

    private readonly JsonString _origin;
    private readonly SourceText _source;
    private readonly DiagnosticBag _diagnostics;
    private readonly List<Token> _tokens;
    private int _index;
    private bool _failed;

    private ExpressionParser(JsonString origin, SourceText source, DiagnosticBag diagnostics, List<Token> tokens)
    {
        _origin = origin;
        _source = source;
        _diagnostics = diagnostics;
        _tokens = tokens;
    }

    /// <summary>Parses the expression held in a JSON string of a file.</summary>
    public static ExpressionSyntax Parse(JsonString origin, SourceText source, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(origin);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(diagnostics);
        if (origin.Value.Length > MaxLength)
        {
            diagnostics.Report(DiagnosticDescriptors.ExpressionTooLong, source, origin.SourceSpan(new TextSpan(0, 0)), origin.Value.Length, MaxLength);
            return new ErrorSyntax(origin.SourceSpan(new TextSpan(0, origin.Value.Length)));
        }

        var lexerDiagnostics = new DiagnosticBag();
        var tokens = new Lexer(origin, source, lexerDiagnostics).Tokenize();
        if (lexerDiagnostics.Count > 0)
        {
            diagnostics.AddRange(lexerDiagnostics.ToSortedList());
            return new ErrorSyntax(origin.SourceSpan(new TextSpan(0, origin.Value.Length)));
        }

        if (tokens.Count == 1)
        {
            diagnostics.Report(DiagnosticDescriptors.EmptyExpression, source, origin.SourceSpan(new TextSpan(0, origin.Value.Length)));
            return new ErrorSyntax(origin.SourceSpan(new TextSpan(0, origin.Value.Length)));
        }

        var parser = new ExpressionParser(origin, source, diagnostics, tokens);
        var result = parser.ParseOr(0);
        if (!parser._failed && parser.Current.Kind != TokenKind.End)
        {
            parser.Expected("an operator ('and', 'or', a comparison) or the end of the expression");
        }

        return parser._failed ? new ErrorSyntax(origin.SourceSpan(new TextSpan(0, origin.Value.Length))) : result;
    }

    /// <summary>Parses an expression that is not inside a file (tests, tools); positions are offsets in the text.</summary>
    public static ExpressionSyntax ParseText(string expression, DiagnosticBag diagnostics, out SourceText source)
    {
        ArgumentNullException.ThrowIfNull(expression);
        source = new SourceText("<expression>", expression);
        var origin = new JsonString(new TextSpan(-1, expression.Length + 2), expression, null);
        return Parse(origin, source, diagnostics);
    }

    private Token Current => _tokens[_index];

    private Token Next => _tokens[Math.Min(_index + 1, _tokens.Count - 1)];

    private ExpressionSyntax ParseOr(int depth)
    {
        var left = ParseAnd(depth);
        while (!_failed && Current.Kind == TokenKind.Or)
        {
            var op = Advance();
            var right = ParseAnd(depth);
            left = new BinarySyntax(Join(left, right), TokenKind.Or, FileSpan(op.Span), left, right);
        }

        return left;
    }

    private ExpressionSyntax ParseAnd(int depth)
    {
        var left = ParseNot(depth);
        while (!_failed && Current.Kind == TokenKind.And)
        {
            var op = Advance();
            var right = ParseNot(depth);
            left = new BinarySyntax(Join(left, right), TokenKind.And, FileSpan(op.Span), left, right);
        }

        return left;
    }

    private ExpressionSyntax ParseNot(int depth)
    {
        if (Current.Kind != TokenKind.Not)
        {
            return ParseComparison(depth);
        }

        var op = Advance();
        if (!Enter(depth, op))
        {
            return Error(op);
        }

        var operand = ParseNot(depth + 1);
        return new NotSyntax(TextSpan.FromBounds(FileSpan(op.Span).Start, operand.Span.End), operand);
    }

    private ExpressionSyntax ParseComparison(int depth)
    {
        var left = ParsePrimary(depth);
        if (_failed)
        {
            return left;
        }

        if (TokenFacts.IsComparison(Current.Kind))
        {
            var op = Advance();
            var right = ParsePrimary(depth);
            var result = new BinarySyntax(Join(left, right), op.Kind, FileSpan(op.Span), left, right);
            if (!_failed && (TokenFacts.IsComparison(Current.Kind) || Current.Kind == TokenKind.In))
            {
                Expected("'and', 'or', ')' or the end of the expression (comparisons do not chain; use 'and')");
            }

            return result;
        }

        if (Current.Kind == TokenKind.In)
        {
            Advance();
            if (!Expect(TokenKind.OpenBracket, "'[' after 'in'"))
            {
                return left;
            }

            var values = new List<ExpressionSyntax>();
            while (true)
            {
                var item = Current;
                if (item.Kind is TokenKind.Value or TokenKind.Integer or TokenKind.True or TokenKind.False)
                {
                    values.Add(ParsePrimary(depth));
                }
                else
                {
                    Expected(values.Count == 0 ? "a value in the list" : "a value after ','");
                    return left;
                }

                if (Current.Kind == TokenKind.Comma)
                {
                    Advance();
                    continue;
                }

                break;
            }

            var close = Current;
            if (!Expect(TokenKind.CloseBracket, "',' or ']'"))
            {
                return left;
            }

            return new InSyntax(TextSpan.FromBounds(left.Span.Start, FileSpan(close.Span).End), left, values);
        }

        return left;
    }

    private ExpressionSyntax ParsePrimary(int depth)
    {
        var token = Current;
        switch (token.Kind)
        {
            case TokenKind.Identifier when Next.Kind == TokenKind.OpenParen:
                return ParseCall(token);
            case TokenKind.Identifier:
                Advance();
                return new NameSyntax(FileSpan(token.Span), token.Text);
            case TokenKind.True:
            case TokenKind.False:
                Advance();
                return new BooleanSyntax(FileSpan(token.Span), token.Kind == TokenKind.True);
            case TokenKind.Value:
                Advance();
                return new ValueSyntax(FileSpan(token.Span), token.Text);
            case TokenKind.Integer:
                Advance();
                if (!int.TryParse(token.Text, NumberStyles.None, CultureInfo.InvariantCulture, out int value))
                {
                    Report(DiagnosticDescriptors.IntegerOutOfRange, token.Span, token.Text);
                    return Error(token);
                }

                return new IntegerSyntax(FileSpan(token.Span), value);
            case TokenKind.OpenParen:
                Advance();
                if (!Enter(depth, token))
                {
                    return Error(token);
                }

                var inner = ParseOr(depth + 1);
                if (_failed)
                {
                    return inner;
                }

                var close = Current;
                if (!Expect(TokenKind.CloseParen, "')' or an operator"))
                {
                    return inner;
                }

                return new ParenthesizedSyntax(TextSpan.FromBounds(FileSpan(token.Span).Start, FileSpan(close.Span).End), inner);
            default:
                Expected("a fact name, a value or '('");
                return Error(token);
        }
    }

    // The calls of the language: granted('power-id') and designated('power-id'). Any other name before '(' is a
    // mistake, reported here so that the author learns what the language offers instead of a bare "unexpected '('".
    private ExpressionSyntax ParseCall(Token name)
    {
        if (name.Text != GrantedName && name.Text != DesignatedName)
        {
            Report(DiagnosticDescriptors.UnsupportedSyntax, name.Span, name.Text + "(...)", "a fact name, or " + GrantedName + "('power-id') for whether the CSO has a power");
            return Error(name);
        }

        Advance();
        Advance();
        var argument = Current;
        if (!Expect(TokenKind.Value, "a 'power-id'"))
        {
            return Error(name);
        }

        var close = Current;
        if (!Expect(TokenKind.CloseParen, "')'"))
        {
            return Error(name);
        }

        var inner = new TextSpan(argument.Span.Start + 1, Math.Max(0, argument.Span.Length - 2));
        return new GrantedSyntax(TextSpan.FromBounds(FileSpan(name.Span).Start, FileSpan(close.Span).End), argument.Text, FileSpan(inner)) { Own = name.Text == DesignatedName };
    }

    private bool Enter(int depth, Token token)
    {
        if (depth + 1 < MaxDepth)
        {
            return true;
        }

        Report(DiagnosticDescriptors.ExpressionTooDeep, token.Span, MaxDepth);
        return false;
    }

    private bool Expect(TokenKind kind, string what)
    {
        if (Current.Kind == kind)
        {
            Advance();
            return true;
        }

        Expected(what);
        return false;
    }

    private void Expected(string what)
    {
        if (_failed)
        {
            return;
        }

        var token = Current;
        Report(DiagnosticDescriptors.UnexpectedToken, token.Span, what, TokenFacts.Describe(token));
    }

    private void Report(DiagnosticDescriptor descriptor, TextSpan expressionSpan, params object?[] args)
    {
        if (_failed)
        {
            return;
        }

        _failed = true;
        _diagnostics.Report(descriptor, _source, FileSpan(expressionSpan), args);
    }

    private Token Advance()
    {
        var token = Current;
        if (_index < _tokens.Count - 1)
        {
            _index++;
        }

        return token;
    }

    private ErrorSyntax Error(Token token) => new(FileSpan(token.Span));

    private TextSpan FileSpan(TextSpan expressionSpan) => _origin.SourceSpan(expressionSpan);

    private static TextSpan Join(ExpressionSyntax left, ExpressionSyntax right) => TextSpan.FromBounds(left.Span.Start, right.Span.End);
}
