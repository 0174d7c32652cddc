using System.Text.Json;

namespace Powers.Cli.Replay;

/// <summary>
/// Reads one decision record, the single-line JSON object that Powers.Hosting writes (docs/embedding.md,
/// "Decision records"). The tool reads the documented format itself rather than referencing Powers.Hosting, so
/// the command-line tool does not carry the hosting stack (Microsoft.Extensions.Hosting, health checks).
/// </summary>
internal static class RecordJsonReader
{
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 16 };

    /// <summary>The record, or null with <paramref name="error"/> saying what is wrong with it.</summary>
    public static RecordedDecision? Read(string json, string where, out string? error)
    {
        try
        {
            using var document = JsonDocument.Parse(json, Options);
            return Read(document.RootElement, where, out error);
        }
        catch (JsonException e)
        {
            error = "not a JSON record: " + e.Message;
            return null;
        }
    }

    private static RecordedDecision? Read(JsonElement root, string where, out string? error)
    {
        error = null;
        if (root.ValueKind != JsonValueKind.Object)
        {
            error = "a record must be a JSON object";
            return null;
        }

        if (!root.TryGetProperty("decisionId", out var id) || id.ValueKind != JsonValueKind.String)
        {
            error = "decisionId: missing or not a string";
            return null;
        }

        string? date = root.TryGetProperty("date", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString() : null;
        string? ruleset = null;
        string? sha256 = null;
        if (root.TryGetProperty("ruleset", out var rs) && rs.ValueKind == JsonValueKind.Object)
        {
            if (!rs.TryGetProperty("id", out var family) || !rs.TryGetProperty("version", out var version) || family.ValueKind != JsonValueKind.String || version.ValueKind != JsonValueKind.String)
            {
                error = "ruleset: id and version must be strings";
                return null;
            }

            ruleset = family.GetString() + "@" + version.GetString();
            sha256 = rs.TryGetProperty("sha256", out var h) && h.ValueKind == JsonValueKind.String ? h.GetString() : null;
        }

        if (!root.TryGetProperty("designation", out var designation) || designation.ValueKind is not (JsonValueKind.String or JsonValueKind.Object))
        {
            error = "designation: missing, or neither an id nor an object";
            return null;
        }

        string facts = root.TryGetProperty("facts", out var f) && f.ValueKind == JsonValueKind.Object ? f.GetRawText() : "{}";
        if (!root.TryGetProperty("outcomes", out var outcomes) || outcomes.ValueKind != JsonValueKind.Object)
        {
            error = "outcomes: missing or not an object";
            return null;
        }

        var list = new List<KeyValuePair<string, string>>();
        foreach (var power in outcomes.EnumerateObject())
        {
            // A power's entry is its outcome name; an object with an "outcome" (a richer record) is read the same way.
            var value = power.Value.ValueKind == JsonValueKind.Object && power.Value.TryGetProperty("outcome", out var o) ? o : power.Value;
            if (value.ValueKind != JsonValueKind.String)
            {
                error = "outcomes." + power.Name + ": not an outcome name";
                return null;
            }

            list.Add(new(power.Name, value.GetString()!));
        }

        string? query = null;
        if (root.TryGetProperty("query", out var q))
        {
            if (q.ValueKind != JsonValueKind.Object)
            {
                error = "query: not an object";
                return null;
            }

            query = q.GetRawText();
        }

        return new RecordedDecision(id.GetString()!, where, date, ruleset, sha256, designation.GetRawText(), facts, list, query);
    }
}
