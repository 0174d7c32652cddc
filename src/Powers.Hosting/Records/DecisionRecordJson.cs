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

    // A record is 5-15 KB of JSON: one buffer and writer per deciding thread, grown once, instead of a new buffer
    // grown three or four times for every record.
    [ThreadStatic]
    private static System.Buffers.ArrayBufferWriter<byte>? t_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    /// <summary>The record's JSON without its closing brace, for a sink to add its chain link (<see cref="RecordChainLink.Append"/>).</summary>
    public static byte[] SerializeBody(DecisionRecord record) => SerializeBody(record, out _);

    /// <summary>
    /// The record's JSON without its closing brace (<see cref="SerializeBody(DecisionRecord)"/>), and where in it
    /// the value of its <c>facts</c> member lies: the known facts as one JSON object, byte for byte what
    /// <see cref="QueryDocument.WriteFactsObject"/> writes, so a sink's column can be cut from the record instead of
    /// written a second time.
    /// </summary>
    public static byte[] SerializeBody(DecisionRecord record, out Range facts)
    {
        var buffer = t_buffer ??= new System.Buffers.ArrayBufferWriter<byte>(16384);
        var w = t_writer ??= new Utf8JsonWriter(buffer, Options);
        buffer.ResetWrittenCount();
        w.Reset(buffer);
        try
        {
            Write(w, record, out facts);
            w.Flush();
            return buffer.WrittenSpan[..^1].ToArray();
        }
        finally
        {
            // A record of unusual size does not keep its buffer on the thread.
            if (buffer.Capacity > 1 << 16)
            {
                t_buffer = null;
                t_writer = null;
            }
        }
    }

    /// <summary>The record as a JSON string, one line.</summary>
    public static string Serialize(DecisionRecord record) => Encoding.UTF8.GetString(SerializeToUtf8(record));

    private static void Write(Utf8JsonWriter w, DecisionRecord record) => Write(w, record, out _);

    private static void Write(Utf8JsonWriter w, DecisionRecord record, out Range facts)
    {
        w.WriteStartObject();
        w.WriteString("decisionId", record.DecisionId);
        w.WriteString("time", record.Time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", System.Globalization.CultureInfo.InvariantCulture));
        WriteRuleSet(w, record.Version);
        w.WriteString("librarySha256", record.LibrarySha256);
        WriteDate(w, record.Decision.Date);
        WriteDesignation(w, record.Decision.Designation);
        w.WritePropertyName("facts");
        int start = (int)(w.BytesCommitted + w.BytesPending);
        QueryDocument.WriteFactsObject(w, record.Facts);
        facts = start..(int)(w.BytesCommitted + w.BytesPending);
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
