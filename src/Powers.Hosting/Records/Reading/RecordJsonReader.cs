using System.Globalization;
using System.Text.Json;
using Powers.Model;

namespace Powers.Hosting;

/// <summary>
/// Reads one decision record, the single-line JSON object <see cref="DecisionRecordJson"/> writes (docs/embedding.md,
/// "Decision records"), older records without <c>query</c> or <c>chain</c> included. Every member a replay or a
/// check relies on must have the type the format gives it: a wrong type is an error naming the member, never a
/// value quietly read as absent. Messages quote what the record holds as it is: whoever prints them escapes
/// control characters (the tool does).
/// </summary>
internal static class RecordJsonReader
{
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 16 };

    /// <summary>The record, or null with <paramref name="error"/> saying what is wrong with it.</summary>
    public static RecordedDecision? Read(ReadOnlyMemory<byte> utf8, string where, out string? error)
    {
        try
        {
            using var document = JsonDocument.Parse(utf8, Options);
            return Read(document.RootElement, where, out error);
        }
        catch (JsonException e)
        {
            error = "not a JSON record: " + Describe(e, utf8.Length);
            return null;
        }
    }

    /// <summary>What is wrong with the JSON and where, in the tool's words: System.Text.Json's own position text is left out.</summary>
    internal static string Describe(JsonException e, int length)
    {
        long at = e.BytePositionInLine ?? 0;
        string column = " (column " + (at + 1).ToString(CultureInfo.InvariantCulture) + ")";
        if (at >= length)
        {
            return "the line ends inside a value" + column;
        }

        string message = e.Message;
        int position = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (position >= 0)
        {
            message = message[..position];
        }

        return message.TrimEnd('.', ' ') + column;
    }

    private static RecordedDecision? Read(JsonElement root, string where, out string? error)
    {
        error = null;
        if (root.ValueKind != JsonValueKind.Object)
        {
            error = "expected a record (an object), not " + Kind(root);
            return null;
        }

        if (!root.TryGetProperty("decisionId", out var idElement))
        {
            error = "decisionId: missing";
            return null;
        }

        if (idElement.ValueKind != JsonValueKind.String)
        {
            error = "decisionId: expected a decision id (a UUID string), not " + Kind(idElement);
            return null;
        }

        string id = idElement.GetString()!;
        if (!Guid.TryParseExact(id, "D", out _))
        {
            error = "decisionId: '" + id + "' is not a decision id (a UUID)";
            return null;
        }

        string? date = null;
        if (root.TryGetProperty("date", out var d))
        {
            if (d.ValueKind != JsonValueKind.String)
            {
                error = "date: expected a date (a yyyy-MM-dd string), not " + Kind(d);
                return null;
            }

            date = d.GetString();
        }

        string? ruleset = null;
        string? sha256 = null;
        if (root.TryGetProperty("ruleset", out var rs) && rs.ValueKind != JsonValueKind.Null)
        {
            if (rs.ValueKind != JsonValueKind.Object)
            {
                error = "ruleset: expected an object or null, not " + Kind(rs);
                return null;
            }

            string? family = null;
            string? version = null;
            error = String(rs, "ruleset", "id", required: true, out family);
            error ??= String(rs, "ruleset", "version", required: true, out version);
            error ??= String(rs, "ruleset", "sha256", required: false, out sha256);
            if (error is not null)
            {
                return null;
            }

            ruleset = family + "@" + version;
        }

        if (!root.TryGetProperty("designation", out var designation))
        {
            error = "designation: missing";
            return null;
        }

        if (designation.ValueKind is not (JsonValueKind.String or JsonValueKind.Object))
        {
            error = "designation: expected a designation id (a string) or an ad-hoc designation (an object), not " + Kind(designation);
            return null;
        }

        string facts = "{}";
        if (root.TryGetProperty("facts", out var f))
        {
            if (f.ValueKind != JsonValueKind.Object)
            {
                error = "facts: expected an object, not " + Kind(f);
                return null;
            }

            facts = f.GetRawText();
        }

        string? query = null;
        if (root.TryGetProperty("query", out var q))
        {
            if (q.ValueKind != JsonValueKind.Object)
            {
                error = "query: expected a query document (an object), not " + Kind(q);
                return null;
            }

            query = q.GetRawText();
        }

        var outcomes = ReadOutcomes(root, out error);
        if (outcomes is null || (error = CheckLowConfidence(root)) is not null)
        {
            return null;
        }

        RecordLink? link = null;
        if (root.TryGetProperty("chain", out var chain))
        {
            link = ReadLink(chain, out error);
            if (link is null)
            {
                return null;
            }
        }

        return new RecordedDecision(id, where, date, ruleset, sha256, designation.GetRawText(), facts, outcomes, query, link);
    }

    private static List<KeyValuePair<string, string>>? ReadOutcomes(JsonElement root, out string? error)
    {
        error = null;
        if (!root.TryGetProperty("outcomes", out var outcomes))
        {
            error = "outcomes: missing";
            return null;
        }

        if (outcomes.ValueKind != JsonValueKind.Object)
        {
            error = "outcomes: expected an object, not " + Kind(outcomes);
            return null;
        }

        var list = new List<KeyValuePair<string, string>>();
        foreach (var power in outcomes.EnumerateObject())
        {
            // A power's entry is its outcome name; an object with an "outcome" (a richer record) is read the same way.
            var value = power.Value.ValueKind == JsonValueKind.Object && power.Value.TryGetProperty("outcome", out var o) ? o : power.Value;
            string field = "outcomes." + power.Name;
            if (value.ValueKind != JsonValueKind.String)
            {
                error = field + ": expected an outcome name (a string), not " + Kind(value);
                return null;
            }

            string name = value.GetString()!;
            if (!OutcomeNames.TryParse(name, out _))
            {
                error = field + ": '" + name + "' is not an outcome (permitted, denied, undetermined, not-designated, not-in-force)";
                return null;
            }

            list.Add(new(power.Name, name));
        }

        return list;
    }

    private static string? CheckLowConfidence(JsonElement root)
    {
        if (!root.TryGetProperty("lowConfidence", out var low))
        {
            return null;
        }

        if (low.ValueKind != JsonValueKind.Array)
        {
            return "lowConfidence: expected an array of power ids, not " + Kind(low);
        }

        int i = 0;
        foreach (var power in low.EnumerateArray())
        {
            if (power.ValueKind != JsonValueKind.String)
            {
                return "lowConfidence[" + i.ToString(CultureInfo.InvariantCulture) + "]: expected a power id (a string), not " + Kind(power);
            }

            i++;
        }

        return null;
    }

    private static RecordLink? ReadLink(JsonElement chain, out string? error)
    {
        error = null;
        if (chain.ValueKind != JsonValueKind.Object)
        {
            error = "chain: expected a chain link (an object), not " + Kind(chain);
            return null;
        }

        string? prev = null;
        error = String(chain, "chain", "writer", required: true, out string? writer);
        error ??= String(chain, "chain", "prev", required: true, out prev);
        if (error is not null)
        {
            return null;
        }

        if (!chain.TryGetProperty("seq", out var seq))
        {
            error = "chain.seq: missing";
            return null;
        }

        if (seq.ValueKind != JsonValueKind.Number || !seq.TryGetInt64(out long sequence) || sequence < 1)
        {
            error = "chain.seq: expected a sequence number (a whole number from 1), not " + (seq.ValueKind == JsonValueKind.Number ? seq.GetRawText() : Kind(seq));
            return null;
        }

        return new RecordLink(writer!, sequence, prev!);
    }

    private static string? String(JsonElement parent, string parentName, string name, bool required, out string? value)
    {
        value = null;
        if (!parent.TryGetProperty(name, out var element))
        {
            return required ? parentName + "." + name + ": missing" : null;
        }

        if (element.ValueKind != JsonValueKind.String)
        {
            return parentName + "." + name + ": expected a string, not " + Kind(element);
        }

        value = element.GetString();
        return null;
    }

    private static string Kind(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => "null",
    };
}
