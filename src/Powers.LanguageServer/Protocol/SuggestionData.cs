using System.Text.Json;

namespace Powers.LanguageServer.Protocol;

/// <summary>
/// A diagnostic's "did you mean" as <c>Diagnostic.data</c>: the known name, the text that replaces the squiggled
/// token (with the quotes it has), and the range it replaces.
/// </summary>
internal sealed record SuggestionData(string Suggestion, string Replacement, LspRange Range)
{
    private static readonly JsonSerializerOptions Options = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public JsonElement ToJson() => JsonSerializer.SerializeToElement(this, Options);

    /// <summary>The data a client sent back; null when it is absent or not this shape (a client may send anything).</summary>
    public static SuggestionData? TryRead(JsonElement? data)
    {
        if (data is not { ValueKind: JsonValueKind.Object } d
            || !d.TryGetProperty("suggestion", out var suggestion) || suggestion.ValueKind != JsonValueKind.String
            || !d.TryGetProperty("replacement", out var replacement) || replacement.ValueKind != JsonValueKind.String
            || !d.TryGetProperty("range", out var range) || range.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        try
        {
            return range.Deserialize<LspRange>(Options) is { Start: not null, End: not null } r
                ? new SuggestionData(suggestion.GetString()!, replacement.GetString()!, r)
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
