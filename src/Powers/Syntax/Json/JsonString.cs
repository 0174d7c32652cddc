using Powers.Text;

namespace Powers.Syntax.Json;

/// <summary>
/// A JSON string. <see cref="SourceOffset"/> maps an index in the unescaped value back to the file, so an
/// error inside an expression points at its token, even after escapes.
/// </summary>
internal sealed class JsonString : JsonNode
{
    private readonly int[]? _offsets;

    internal JsonString(TextSpan span, string value, int[]? offsets)
        : base(span)
    {
        Value = value;
        _offsets = offsets;
    }

    /// <inheritdoc />
    public override JsonNodeKind Kind => JsonNodeKind.String;

    /// <summary>The unescaped value.</summary>
    public string Value { get; }

    /// <summary>The file offset of the character at <paramref name="index"/> of the value (the closing quote for the end).</summary>
    public int SourceOffset(int index)
    {
        index = Math.Clamp(index, 0, Value.Length);
        if (_offsets is null)
        {
            return Span.Start + 1 + index;
        }

        return index < _offsets.Length ? _offsets[index] : Span.End - 1;
    }

    /// <summary>The file span of a span of the value.</summary>
    public TextSpan SourceSpan(TextSpan valueSpan) => TextSpan.FromBounds(SourceOffset(valueSpan.Start), SourceOffset(valueSpan.End));
}
