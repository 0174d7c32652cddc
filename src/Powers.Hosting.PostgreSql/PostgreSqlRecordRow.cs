using System.Buffers;
using System.Text.Json;
using Powers.Decisions;
using Powers.Model;

namespace Powers.Hosting.PostgreSql;

/// <summary>
/// The column values of one decision beside its record text, built on the deciding thread (so the writer only
/// does I/O) from the compact result: the known facts and, per power, the outcome and its confidence, the shapes
/// an auditor's query (and the GIN index on outcomes) reads. Never the decision's explanation. The facts are the
/// record's own <c>facts</c> object, cut from its serialized body, and every JSON value stays UTF-8 bytes to the
/// wire (no string is made and encoded again).
/// </summary>
internal sealed class PostgreSqlRecordRow
{
    private static readonly JsonWriterOptions Options = new() { Indented = false };

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    private PostgreSqlRecordRow(DecisionRecord record, ReadOnlyMemory<byte> facts, byte[] outcomes)
    {
        Id = Guid.Parse(record.DecisionId);
        DecidedAt = record.Time.UtcDateTime;
        Version = record.Version;
        LibrarySha256 = record.LibrarySha256;
        QueryDate = record.Decision.Date;
        Designation = record.Decision.Designation;
        Facts = facts;
        Outcomes = outcomes;
    }

    public Guid Id { get; }

    public DateTime DecidedAt { get; }

    public RuleSetVersion? Version { get; }

    public string LibrarySha256 { get; }

    public DateOnly? QueryDate { get; }

    public Designation Designation { get; }

    /// <summary>The known facts as a JSON object, UTF-8.</summary>
    public ReadOnlyMemory<byte> Facts { get; }

    /// <summary>Each power's outcome and confidence as a JSON object, UTF-8.</summary>
    public ReadOnlyMemory<byte> Outcomes { get; }

    /// <summary>The ad-hoc designation's powers, in order; null for a designation of the library.</summary>
    public string[]? DesignationPowers => Designation.Id is null ? Designation.Powers.Order(StringComparer.Ordinal).ToArray() : null;

    /// <summary>The row of a record whose serialized body (kept unchanged until stored) holds its facts object at <paramref name="facts"/>.</summary>
    public static PostgreSqlRecordRow From(DecisionRecord record, byte[] body, Range facts)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(body);
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(4096);
        var w = t_writer ??= new Utf8JsonWriter(buffer, Options);
        buffer.ResetWrittenCount();
        w.Reset(buffer);
        WriteOutcomes(w, record.Decision);
        w.Flush();
        return new PostgreSqlRecordRow(record, body.AsMemory(facts), buffer.WrittenSpan.ToArray());
    }

    /// <summary><c>{"power-id": {"outcome": "denied", "confidence": "high"}, ...}</c>, the shape the GIN index answers containment queries on.</summary>
    private static void WriteOutcomes(Utf8JsonWriter w, Decision decision)
    {
        w.WriteStartObject();
        for (int p = 0; p < decision.Count; p++)
        {
            w.WriteStartObject(decision.PowerAt(p));
            w.WriteString("outcome", OutcomeNames.Name(decision.OutcomeAt(p)));
            w.WriteString("confidence", decision.ConfidenceAt(p) == Confidence.Low ? "low" : "high");
            w.WriteEndObject();
        }

        w.WriteEndObject();
    }
}
