using System.Globalization;
using System.Text.Json;
using Newtonsoft.Json;
using Powers.Decisions;
using Powers.Model;

namespace Powers.Hosting.PostgreSql;

/// <summary>
/// The column values of one decision, built on the deciding thread (so the writer only does I/O) from the
/// record's public form: its JSON (facts as given) and its decision.
/// </summary>
internal sealed class PostgreSqlRecordRow
{
    private PostgreSqlRecordRow(DecisionRecord record, string facts, string outcomes, string decision)
    {
        Id = Guid.Parse(record.DecisionId);
        DecidedAt = record.Time.UtcDateTime;
        Version = record.Version;
        LibrarySha256 = record.LibrarySha256;
        QueryDate = record.Decision.Date;
        Designation = record.Decision.Designation;
        Facts = facts;
        Outcomes = outcomes;
        Decision = decision;
    }

    public Guid Id { get; }

    public DateTime DecidedAt { get; }

    public RuleSetVersion? Version { get; }

    public string LibrarySha256 { get; }

    public DateOnly? QueryDate { get; }

    public Designation Designation { get; }

    public string Facts { get; }

    public string Outcomes { get; }

    public string Decision { get; }

    /// <summary>The ad-hoc designation's powers, in order; null for a designation of the library.</summary>
    public string[]? DesignationPowers => Designation.Id is null ? Designation.Powers.Order(StringComparer.Ordinal).ToArray() : null;

    public static PostgreSqlRecordRow From(DecisionRecord record)
    {
        using var document = JsonDocument.Parse(record.ToJson());
        string facts = document.RootElement.TryGetProperty("facts", out var f) ? f.GetRawText() : "{}";
        return new PostgreSqlRecordRow(record, facts, OutcomesJson(record.Decision), DecisionJson(record.Decision));
    }

    /// <summary><c>{"power-id": {"outcome": "denied", "confidence": "high"}, ...}</c>, the shape the GIN index answers containment queries on.</summary>
    private static string OutcomesJson(Decision decision)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var w = new JsonTextWriter(text))
        {
            w.WriteStartObject();
            foreach (var power in decision.Powers)
            {
                w.WritePropertyName(power.Power);
                w.WriteStartObject();
                w.WritePropertyName("outcome");
                w.WriteValue(OutcomeNames.Name(power.Outcome));
                w.WritePropertyName("confidence");
                w.WriteValue(power.Confidence == Confidence.Low ? "low" : "high");
                w.WriteEndObject();
            }

            w.WriteEndObject();
        }

        return text.ToString();
    }

    private static string DecisionJson(Decision decision)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var w = new JsonTextWriter(text))
        {
            DecisionJsonWriter.Write(w, decision);
        }

        return text.ToString();
    }
}
