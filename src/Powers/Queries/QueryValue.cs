using Powers.Syntax.Json;
using Powers.Text;

namespace Powers.Queries;

/// <summary>
/// A raw value as a reader found it, before the <see cref="QueryResolver"/> gives it a meaning: its kind, its text
/// (a string unescaped, a number or literal as written) and, from a document, its span. Readers differ only in how
/// they find values; every check and message is the resolver's.
/// </summary>
internal readonly record struct QueryValue(QueryValueKind Kind, string Text, TextSpan? Span)
{
    /// <summary>A value read from a JSON document, with the span of its text.</summary>
    public static QueryValue Of(JsonNode node) => node switch
    {
        JsonString s => new(QueryValueKind.String, s.Value, node.Span),
        JsonNumber n => new(QueryValueKind.Number, n.Text, node.Span),
        JsonBoolean b => new(QueryValueKind.Boolean, b.Value ? "true" : "false", node.Span),
        JsonObject => new(QueryValueKind.Object, string.Empty, node.Span),
        JsonArray => new(QueryValueKind.Array, string.Empty, node.Span),
        _ => new(QueryValueKind.Null, "null", node.Span),
    };

    /// <summary>A name or id given on the command line: always a string.</summary>
    public static QueryValue Name(string text) => new(QueryValueKind.String, text, null);

    /// <summary>
    /// A fact value given on the command line (<c>--fact name=VALUE</c>), typed as the same text would be in JSON:
    /// <c>true</c>, <c>false</c> and <c>null</c> are literals, a JSON number is a number, anything else a string
    /// (so <c>s47a</c> needs no quotes). The same value then gives the same answer or message as in a document.
    /// </summary>
    public static QueryValue Typed(string text) => text switch
    {
        "true" or "false" => new(QueryValueKind.Boolean, text, null),
        "null" => new(QueryValueKind.Null, text, null),
        _ when IsJsonNumber(text) => new(QueryValueKind.Number, text, null),
        _ => new(QueryValueKind.String, text, null),
    };

    /// <summary>How a message names the value: <c>the string 'yes'</c>, <c>1.5</c>, <c>true</c>, <c>an object</c>.</summary>
    public string Describe() => Kind switch
    {
        QueryValueKind.String => "the string '" + Text + "'",
        QueryValueKind.Object => "an object",
        QueryValueKind.Array => "an array",
        _ => Text,
    };

    // The JSON number grammar (RFC 8259 section 6): -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?
    internal static bool IsJsonNumber(ReadOnlySpan<char> text)
    {
        int i = 0;
        if (i < text.Length && text[i] == '-')
        {
            i++;
        }

        if (i >= text.Length || !char.IsAsciiDigit(text[i]))
        {
            return false;
        }

        if (text[i++] != '0')
        {
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
            }
        }

        if (i < text.Length && text[i] == '.')
        {
            if (++i >= text.Length || !char.IsAsciiDigit(text[i]))
            {
                return false;
            }

            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
            }
        }

        if (i < text.Length && text[i] is 'e' or 'E')
        {
            if (++i < text.Length && text[i] is '+' or '-')
            {
                i++;
            }

            if (i >= text.Length || !char.IsAsciiDigit(text[i]))
            {
                return false;
            }

            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
            }
        }

        return i == text.Length;
    }
}
