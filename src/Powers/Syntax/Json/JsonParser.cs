using System.Globalization;
using System.Text;
using Powers.Diagnostics;
using Powers.Text;

namespace Powers.Syntax.Json;

/// <summary>
/// A strict JSON (RFC 8259) parser that keeps the span of every value and never throws on input. The first
/// syntax error ends the parse of that file (it is reported with its exact position); duplicate property
/// names are reported and the first value kept. Nesting depth is bounded explicitly, so hostile input cannot
/// overflow the stack.
/// </summary>
internal sealed class JsonParser
{
    /// <summary>The deepest nesting of arrays and objects accepted.</summary>
    public const int MaxDepth = 64;

    /// <summary>The longest string accepted.</summary>
    public const int MaxStringLength = 1 << 20;

    private readonly SourceText _source;
    private readonly string _text;
    private readonly DiagnosticBag _diagnostics;
    private int _pos;
    private bool _failed;

    private JsonParser(SourceText source, DiagnosticBag diagnostics)
    {
        _source = source;
        _text = source.Text;
        _diagnostics = diagnostics;
    }

    /// <summary>Parses a whole document; returns null when it has a syntax error (already reported).</summary>
    public static JsonNode? Parse(SourceText source, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var parser = new JsonParser(source, diagnostics);
        if (parser._text.Length > 0 && parser._text[0] == '\uFEFF')
        {
            // RFC 8259, section 8.1: a parser may ignore a byte order mark rather than treat it as an error. Text read
            // without a BOM-aware decoder (standard input, an HTTP body) still carries it.
            parser._pos = 1;
        }

        parser.SkipWhitespace();
        if (parser._pos >= parser._text.Length)
        {
            parser.ReportEnd("the file holds no JSON value");
            return null;
        }

        var node = parser.ParseValue(0);
        if (node is null || parser._failed)
        {
            return null;
        }

        parser.SkipWhitespace();
        if (parser._pos < parser._text.Length)
        {
            parser.ReportSyntax(parser._pos, 1, "unexpected " + parser.Describe(parser._pos) + " after the end of the document");
            return null;
        }

        return node;
    }

    private JsonNode? ParseValue(int depth)
    {
        SkipWhitespace();
        if (_pos >= _text.Length)
        {
            ReportEnd("expected a value");
            return null;
        }

        char c = _text[_pos];
        switch (c)
        {
            case '{':
            case '[':
                if (depth >= MaxDepth)
                {
                    _diagnostics.Report(DiagnosticDescriptors.JsonTooDeep, _source, new TextSpan(_pos, 1), MaxDepth);
                    _failed = true;
                    return null;
                }

                return c == '{' ? ParseObject(depth + 1) : ParseArray(depth + 1);
            case '"':
                return ParseString();
            case 't':
                return ParseLiteral("true", static s => new JsonBoolean(s, true));
            case 'f':
                return ParseLiteral("false", static s => new JsonBoolean(s, false));
            case 'n':
                return ParseLiteral("null", static s => new JsonNull(s));
            default:
                if (c == '-' || (c >= '0' && c <= '9'))
                {
                    return ParseNumber();
                }

                ReportSyntax(_pos, 1, "expected a value but found " + Describe(_pos));
                return null;
        }
    }

    private JsonObject? ParseObject(int depth)
    {
        int start = _pos++;
        var properties = new List<JsonProperty>();
        var seen = new Dictionary<string, TextSpan>(StringComparer.Ordinal);
        SkipWhitespace();
        if (Peek() == '}')
        {
            _pos++;
            return new JsonObject(TextSpan.FromBounds(start, _pos), properties);
        }

        while (true)
        {
            SkipWhitespace();
            if (_pos >= _text.Length)
            {
                ReportEnd("the object opened at " + PositionText(start) + " is not closed");
                return null;
            }

            if (_text[_pos] != '"')
            {
                string what = _text[_pos] == '}' ? "a property name after ',' (trailing commas are not allowed)" : "a property name in double quotes";
                ReportSyntax(_pos, 1, "expected " + what + " but found " + Describe(_pos));
                return null;
            }

            var name = ParseString();
            if (name is null)
            {
                return null;
            }

            SkipWhitespace();
            if (Peek() != ':')
            {
                if (_pos >= _text.Length)
                {
                    ReportEnd("expected ':' after property '" + name.Value + "'");
                }
                else
                {
                    ReportSyntax(_pos, 1, "expected ':' after property '" + name.Value + "' but found " + Describe(_pos));
                }

                return null;
            }

            _pos++;
            var value = ParseValue(depth);
            if (value is null)
            {
                return null;
            }

            if (seen.TryGetValue(name.Value, out var first))
            {
                var at = _source.GetLinePosition(first.Start);
                _diagnostics.Report(DiagnosticDescriptors.DuplicateProperty, _source, name.Span, name.Value, at.Line, at.Column);
            }
            else
            {
                seen.Add(name.Value, name.Span);
                properties.Add(new JsonProperty(name.Value, name.Span, value));
            }

            SkipWhitespace();
            char next = Peek();
            if (next == ',')
            {
                _pos++;
                continue;
            }

            if (next == '}')
            {
                _pos++;
                return new JsonObject(TextSpan.FromBounds(start, _pos), properties);
            }

            if (_pos >= _text.Length)
            {
                ReportEnd("the object opened at " + PositionText(start) + " is not closed");
            }
            else
            {
                ReportSyntax(_pos, 1, "expected ',' or '}' but found " + Describe(_pos));
            }

            return null;
        }
    }

    private JsonArray? ParseArray(int depth)
    {
        int start = _pos++;
        var items = new List<JsonNode>();
        SkipWhitespace();
        if (Peek() == ']')
        {
            _pos++;
            return new JsonArray(TextSpan.FromBounds(start, _pos), items);
        }

        while (true)
        {
            SkipWhitespace();
            if (Peek() == ']')
            {
                ReportSyntax(_pos, 1, "expected a value after ',' (trailing commas are not allowed)");
                return null;
            }

            var item = ParseValue(depth);
            if (item is null)
            {
                return null;
            }

            items.Add(item);
            SkipWhitespace();
            char next = Peek();
            if (next == ',')
            {
                _pos++;
                continue;
            }

            if (next == ']')
            {
                _pos++;
                return new JsonArray(TextSpan.FromBounds(start, _pos), items);
            }

            if (_pos >= _text.Length)
            {
                ReportEnd("the array opened at " + PositionText(start) + " is not closed");
            }
            else
            {
                ReportSyntax(_pos, 1, "expected ',' or ']' but found " + Describe(_pos));
            }

            return null;
        }
    }

    private JsonString? ParseString()
    {
        int start = _pos++;
        StringBuilder? builder = null;
        List<int>? offsets = null;
        int runStart = _pos;
        while (true)
        {
            if (_pos >= _text.Length)
            {
                ReportEnd("the string opened at " + PositionText(start) + " is not closed");
                return null;
            }

            char c = _text[_pos];
            if (c == '"')
            {
                string value;
                int[]? map = null;
                if (builder is null)
                {
                    value = _text[runStart.._pos];
                }
                else
                {
                    AppendRun(builder, offsets!, runStart, _pos);
                    value = builder.ToString();
                    map = [.. offsets!];
                }

                _pos++;
                if (value.Length > MaxStringLength)
                {
                    _diagnostics.Report(DiagnosticDescriptors.StringTooLong, _source, new TextSpan(start, 1), value.Length, MaxStringLength);
                    _failed = true;
                    return null;
                }

                return new JsonString(TextSpan.FromBounds(start, _pos), value, map);
            }

            if (c < ' ')
            {
                ReportSyntax(_pos, 1, "a control character (U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture) + ") must be escaped inside a string");
                return null;
            }

            if (c != '\\')
            {
                _pos++;
                continue;
            }

            builder ??= new StringBuilder();
            offsets ??= [];
            AppendRun(builder, offsets, runStart, _pos);
            int escapeStart = _pos;
            if (_pos + 1 >= _text.Length)
            {
                ReportEnd("the string opened at " + PositionText(start) + " is not closed");
                return null;
            }

            char e = _text[_pos + 1];
            char decoded;
            int length = 2;
            switch (e)
            {
                case '"': decoded = '"'; break;
                case '\\': decoded = '\\'; break;
                case '/': decoded = '/'; break;
                case 'b': decoded = '\b'; break;
                case 'f': decoded = '\f'; break;
                case 'n': decoded = '\n'; break;
                case 'r': decoded = '\r'; break;
                case 't': decoded = '\t'; break;
                case 'u':
                    if (_pos + 6 > _text.Length
                        || !ushort.TryParse(_text.AsSpan(_pos + 2, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out ushort code))
                    {
                        ReportSyntax(_pos, Math.Min(6, _text.Length - _pos), "'\\u' must be followed by four hexadecimal digits");
                        return null;
                    }

                    decoded = (char)code;
                    length = 6;
                    break;
                default:
                    ReportSyntax(_pos, 2, "unknown escape '\\" + e + "'");
                    return null;
            }

            builder.Append(decoded);
            offsets.Add(escapeStart);
            _pos += length;
            runStart = _pos;
        }
    }

    private void AppendRun(StringBuilder builder, List<int> offsets, int from, int to)
    {
        builder.Append(_text, from, to - from);
        for (int i = from; i < to; i++)
        {
            offsets.Add(i);
        }
    }

    private JsonNumber? ParseNumber()
    {
        int start = _pos;
        if (Peek() == '-')
        {
            _pos++;
        }

        if (Peek() == '0')
        {
            _pos++;
        }
        else if (IsDigit(Peek()))
        {
            while (IsDigit(Peek()))
            {
                _pos++;
            }
        }
        else
        {
            ReportSyntax(start, Math.Max(1, _pos - start + 1), "a number needs digits");
            return null;
        }

        if (Peek() == '.')
        {
            _pos++;
            if (!IsDigit(Peek()))
            {
                ReportSyntax(_pos, 1, "expected digits after the decimal point");
                return null;
            }

            while (IsDigit(Peek()))
            {
                _pos++;
            }
        }

        if (Peek() is 'e' or 'E')
        {
            _pos++;
            if (Peek() is '+' or '-')
            {
                _pos++;
            }

            if (!IsDigit(Peek()))
            {
                ReportSyntax(_pos, 1, "expected digits in the exponent");
                return null;
            }

            while (IsDigit(Peek()))
            {
                _pos++;
            }
        }

        return new JsonNumber(TextSpan.FromBounds(start, _pos), _text[start.._pos]);
    }

    private JsonNode? ParseLiteral(string word, Func<TextSpan, JsonNode> create)
    {
        if (string.CompareOrdinal(_text, _pos, word, 0, word.Length) == 0 && !IsIdentifierChar(At(_pos + word.Length)))
        {
            var span = new TextSpan(_pos, word.Length);
            _pos += word.Length;
            return create(span);
        }

        ReportSyntax(_pos, WordLength(_pos), "expected a value but found " + Describe(_pos));
        return null;
    }

    private void SkipWhitespace()
    {
        while (_pos < _text.Length && _text[_pos] is ' ' or '\t' or '\n' or '\r')
        {
            _pos++;
        }
    }

    private char Peek() => At(_pos);

    private char At(int index) => index < _text.Length ? _text[index] : '\0';

    private static bool IsDigit(char c) => c >= '0' && c <= '9';

    private static bool IsIdentifierChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';

    private int WordLength(int at)
    {
        int end = at;
        while (end < _text.Length && IsIdentifierChar(_text[end]))
        {
            end++;
        }

        return Math.Max(1, end - at);
    }

    private string Describe(int at)
    {
        if (at >= _text.Length)
        {
            return "the end of the file";
        }

        char c = _text[at];
        if (IsIdentifierChar(c))
        {
            string word = _text.Substring(at, Math.Min(WordLength(at), 40));
            return "'" + word + "'";
        }

        return c switch
        {
            '/' => "'/' (comments are not allowed in JSON)",
            '\'' => "''' (strings need double quotes)",
            _ when c < ' ' => "U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture),
            _ => "'" + c + "'",
        };
    }

    private string PositionText(int offset) => _source.GetLinePosition(offset).ToString();

    private void ReportSyntax(int at, int length, string message)
    {
        at = Math.Min(at, _text.Length);
        length = Math.Clamp(length, 0, _text.Length - at);
        _diagnostics.Report(DiagnosticDescriptors.JsonSyntax, _source, new TextSpan(at, length), message);
        _failed = true;
    }

    private void ReportEnd(string message)
    {
        _diagnostics.Report(DiagnosticDescriptors.JsonUnexpectedEnd, _source, new TextSpan(_text.Length, 0), message);
        _failed = true;
    }
}
