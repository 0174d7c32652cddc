using Powers.Text;

namespace Powers.Syntax.Json;

/// <summary><c>true</c> or <c>false</c>.</summary>
internal sealed class JsonBoolean : JsonNode
{
    internal JsonBoolean(TextSpan span, bool value)
        : base(span) => Value = value;

    /// <inheritdoc />
    public override JsonNodeKind Kind => JsonNodeKind.Boolean;

    /// <summary>The value.</summary>
    public bool Value { get; }
}
