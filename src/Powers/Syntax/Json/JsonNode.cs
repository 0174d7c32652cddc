using Powers.Text;

namespace Powers.Syntax.Json;

/// <summary>A JSON value with the exact span of its text in the file.</summary>
internal abstract class JsonNode
{
    private protected JsonNode(TextSpan span) => Span = span;

    /// <summary>The span of the value's text, including quotes and brackets.</summary>
    public TextSpan Span { get; }

    /// <summary>The JSON type.</summary>
    public abstract JsonNodeKind Kind { get; }

    /// <summary>A phrase naming the JSON type, for messages: "a string", "an object".</summary>
    public string KindPhrase => Kind switch
    {
        JsonNodeKind.Object => "an object",
        JsonNodeKind.Array => "an array",
        JsonNodeKind.String => "a string",
        JsonNodeKind.Number => "a number",
        JsonNodeKind.Boolean => "a boolean",
        _ => "null",
    };
}
