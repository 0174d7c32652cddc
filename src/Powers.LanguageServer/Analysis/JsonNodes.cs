using Powers.Syntax.Json;

namespace Powers.LanguageServer.Analysis;

/// <summary>Small readers over the compiler's JSON nodes.</summary>
internal static class JsonNodes
{
    public static string? String(JsonNode? node, string name) =>
        node is JsonObject o && o.Find(name)?.Value is JsonString s ? s.Value : null;

    public static JsonNode? Get(JsonNode? node, string name) => node is JsonObject o ? o.Find(name)?.Value : null;

    public static IReadOnlyList<string> Strings(JsonNode? node)
    {
        if (node is not JsonArray array)
        {
            return [];
        }

        var result = new List<string>(array.Items.Count);
        foreach (var item in array.Items)
        {
            if (item is JsonString s)
            {
                result.Add(s.Value);
            }
        }

        return result;
    }

    /// <summary>An effective range as written: "from to until", "from, open", or "never in force".</summary>
    public static string? Effective(JsonNode? node)
    {
        var effective = Get(node, "effective");
        if (effective is JsonString never)
        {
            return never.Value == "never" ? "never in force" : never.Value;
        }

        string? from = String(effective, "from");
        if (from is null)
        {
            return null;
        }

        string? until = String(effective, "until");
        return until is null ? "from " + from + " (open-ended)" : from + " to " + until;
    }
}
