using System.Globalization;
using Powers.Text;

namespace Powers.Syntax.Json;

/// <summary>A JSON number, kept as written.</summary>
internal sealed class JsonNumber : JsonNode
{
    internal JsonNumber(TextSpan span, string text)
        : base(span) => Text = text;

    /// <inheritdoc />
    public override JsonNodeKind Kind => JsonNodeKind.Number;

    /// <summary>The number as written.</summary>
    public string Text { get; }

    /// <summary>The value when it is an integer that fits in 32 bits.</summary>
    public bool TryGetInt32(out int value) =>
        int.TryParse(Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
}
