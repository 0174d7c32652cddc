using System.Text;
using System.Text.Json;
using Powers.Binding;
using Powers.Decisions;
using Powers.Evaluation;
using Powers.Model;

namespace Powers.Hosting;

/// <summary>Writes decision records as single-line JSON with <see cref="Utf8JsonWriter"/>.</summary>
internal static class DecisionRecordJson
{
    private static readonly JsonWriterOptions Options = new() { Indented = false };

    /// <summary>The record as UTF-8 JSON, one line.</summary>
    public static byte[] SerializeToUtf8(DecisionRecord record)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(2048);
        using (var w = new Utf8JsonWriter(buffer, Options))
        {
            Write(w, record);
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>The record's JSON without its closing brace, for a sink to add its chain link (<see cref="RecordChainLink.Append"/>).</summary>
    public static byte[] SerializeBody(DecisionRecord record)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(2048);
        using (var w = new Utf8JsonWriter(buffer, Options))
        {
            Write(w, record);
        }

        return buffer.WrittenSpan[..^1].ToArray();
    }

    /// <summary>The record as a JSON string, one line.</summary>
    public static string Serialize(DecisionRecord record) => Encoding.UTF8.GetString(SerializeToUtf8(record));

    private static void Write(Utf8JsonWriter w, DecisionRecord record)
    {
        w.WriteStartObject();
        w.WriteString("decisionId", record.DecisionId);
        w.WriteString("time", record.Time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", System.Globalization.CultureInfo.InvariantCulture));
        WriteRuleSet(w, record.Version);
        w.WriteString("librarySha256", record.LibrarySha256);
        WriteDate(w, record.Decision.Date);
        WriteDesignation(w, record.Decision.Designation);
        QueryDocument.WriteFacts(w, record.Facts);
        w.WritePropertyName("query");
        w.WriteRawValue(record.QueryUtf8, skipInputValidation: true);
        WriteOutcomes(w, record.Decision);
        w.WriteEndObject();
    }

    /// <summary>
    /// Each power's outcome, and the powers whose outcome rests on a low-confidence reading, from the compact
    /// result: a record never builds the decision's explanation.
    /// </summary>
    private static void WriteOutcomes(Utf8JsonWriter w, Decision decision)
    {
        w.WriteStartObject("outcomes");
        for (int p = 0; p < decision.Count; p++)
        {
            w.WriteString(decision.PowerAt(p), OutcomeNames.Name(decision.OutcomeAt(p)));
        }

        w.WriteEndObject();
        w.WriteStartArray("lowConfidence");
        for (int p = 0; p < decision.Count; p++)
        {
            if (decision.ConfidenceAt(p) == Confidence.Low)
            {
                w.WriteStringValue(decision.PowerAt(p));
            }
        }

        w.WriteEndArray();
    }

    private static void WriteRuleSet(Utf8JsonWriter w, RuleSetVersion? version)
    {
        if (version is null)
        {
            w.WriteNull("ruleset");
            return;
        }

        w.WriteStartObject("ruleset");
        w.WriteString("id", version.Family);
        w.WriteString("version", version.Version);
        w.WriteNumber("revision", version.Revision);
        w.WriteString("sha256", version.Sha256);
        w.WriteEndObject();
    }

    private static void WriteDate(Utf8JsonWriter w, DateOnly? date)
    {
        if (date is { } d)
        {
            w.WriteString("date", EffectiveRange.Format(d));
        }
    }

    private static void WriteDesignation(Utf8JsonWriter w, Designation designation)
    {
        if (designation.Id is { } id)
        {
            w.WriteString("designation", id);
            return;
        }

        w.WriteStartObject("designation");
        w.WriteString("force", designation.Force);
        w.WriteStartArray("powers");
        foreach (var power in designation.Powers.Order(StringComparer.Ordinal))
        {
            w.WriteStringValue(power);
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }
}
