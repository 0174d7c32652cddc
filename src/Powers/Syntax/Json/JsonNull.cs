using Powers.Text;

namespace Powers.Syntax.Json;

/// <summary><c>null</c>.</summary>
internal sealed class JsonNull : JsonNode
{
    internal JsonNull(TextSpan span)
        : base(span)
    {
    }

    /// <inheritdoc />
    public override JsonNodeKind Kind => JsonNodeKind.Null;
}
