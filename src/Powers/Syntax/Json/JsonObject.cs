using Powers.Text;

namespace Powers.Syntax.Json;

/// <summary>A JSON object; properties keep their order. Duplicate names are reported by the parser, which keeps the first.</summary>
internal sealed class JsonObject : JsonNode
{
    internal JsonObject(TextSpan span, IReadOnlyList<JsonProperty> properties)
        : base(span) => Properties = properties;

    /// <inheritdoc />
    public override JsonNodeKind Kind => JsonNodeKind.Object;

    /// <summary>The properties in file order, without duplicates.</summary>
    public IReadOnlyList<JsonProperty> Properties { get; }

    /// <summary>The property of that name, or null.</summary>
    public JsonProperty? Find(string name)
    {
        foreach (var p in Properties)
        {
            if (p.Name == name)
            {
                return p;
            }
        }

        return null;
    }
}
