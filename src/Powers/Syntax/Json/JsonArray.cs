using Powers.Text;

namespace Powers.Syntax.Json;

/// <summary>A JSON array.</summary>
internal sealed class JsonArray : JsonNode
{
    internal JsonArray(TextSpan span, IReadOnlyList<JsonNode> items)
        : base(span) => Items = items;

    /// <inheritdoc />
    public override JsonNodeKind Kind => JsonNodeKind.Array;

    /// <summary>The items in order.</summary>
    public IReadOnlyList<JsonNode> Items { get; }
}
