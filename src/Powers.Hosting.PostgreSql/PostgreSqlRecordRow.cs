using System.Buffers;
using System.Text;
using System.Text.Json;
using Powers.Decisions;
using Powers.Model;

namespace Powers.Hosting.PostgreSql;

/// <summary>
/// The column values of one decision beside its record text, built on the deciding thread (so the writer only
/// does I/O) from the compact result: the known facts and, per power, the outcome and its confidence, the shapes
/// an auditor's query (and the GIN index on outcomes) reads. Never the decision's explanation.
/// </summary>
internal sealed class PostgreSqlRecordRow
{
    private static readonly JsonWriterOptions Options = new() { Indented = false };

    private PostgreSqlRecordRow(DecisionRecord record, string facts, string outcomes)
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

    public string Facts { get; }

    public string Outcomes { get; }

    /// <summary>The ad-hoc designation's powers, in order; null for a designation of the library.</summary>
    public string[]? DesignationPowers => Designation.Id is null ? Designation.Powers.Order(StringComparer.Ordinal).ToArray() : null;

    public static PostgreSqlRecordRow From(DecisionRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var buffer = new ArrayBufferWriter<byte>(1024);
        using var w = new Utf8JsonWriter(buffer, Options);
        QueryDocument.WriteFactsObject(w, record.Facts);
        w.Flush();
        string facts = Encoding.UTF8.GetString(buffer.WrittenSpan);
        buffer.ResetWrittenCount();
        w.Reset();
        WriteOutcomes(w, record.Decision);
        w.Flush();
        return new PostgreSqlRecordRow(record, facts, Encoding.UTF8.GetString(buffer.WrittenSpan));
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
