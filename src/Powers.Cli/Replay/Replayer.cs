using System.Text;
using System.Text.Json;
using Powers.Decisions;
using Powers.Hosting;
using Powers.Model;

namespace Powers.Cli.Replay;

/// <summary>
/// Re-decides recorded decisions against one library. Against the library the record names (no
/// <c>--rules</c>), the record's own rule set version is asked for again, and it must be in the library with the
/// same SHA-256, or the record cannot be replayed. Against another library (<c>--rules DIR</c>, a correction under
/// review), the question is asked by date, so that corrected effective dates count too; the recorded version is
/// named only when the query had no date, or when that version is never in force (the 2002 Bill).
/// </summary>
internal sealed class Replayer(PowersEngine engine, bool named)
{
    private readonly RuleLibrary _library = engine.Library;

    /// <summary>The changed powers of one record, or null with <paramref name="error"/> (without where the record is) when it cannot be replayed.</summary>
    public IReadOnlyList<ReplayChange>? Replay(RecordedDecision record, out string? error) =>
        Decide(record, out error) is { } decision ? Compare(record, decision) : null;

    /// <summary>The decision the record's question gets now, or null with <paramref name="error"/> when it cannot be asked.</summary>
    public Decision? Decide(RecordedDecision record, out string? error)
    {
        error = null;
        if (named && record.RuleSet is { } id && !SameVersion(id, record.RuleSetSha256, out error))
        {
            return null;
        }

        var result = engine.Decide(QueryJson(record));
        if (result.Decision is null)
        {
            error = string.Join("; ", result.Errors.Select(e => (e.Field.Length > 0 ? e.Field + ": " : string.Empty) + e.Message));
        }

        return result.Decision;
    }

    /// <summary>Each power whose outcome in <paramref name="decision"/> differs from the record's (or is on one side only).</summary>
    public List<ReplayChange> Compare(RecordedDecision record, Decision decision)
    {
        var changes = new List<ReplayChange>();
        foreach (var (power, was) in record.Outcomes)
        {
            int index = _library.IndexOfPower(power);
            string? now = index >= 0 && index < decision.Count ? OutcomeNames.Name(decision.OutcomeAt(index)) : null;
            if (now != was)
            {
                changes.Add(new ReplayChange(record.Id, power, was, now));
            }
        }

        var recorded = record.Outcomes.Select(o => o.Key).ToHashSet(StringComparer.Ordinal);
        for (int p = 0; p < decision.Count; p++)
        {
            if (!recorded.Contains(decision.PowerAt(p)))
            {
                changes.Add(new ReplayChange(record.Id, decision.PowerAt(p), null, OutcomeNames.Name(decision.OutcomeAt(p))));
            }
        }

        return changes;
    }

    private bool SameVersion(string id, string? sha256, out string? error)
    {
        error = null;
        var version = _library.Versions.FirstOrDefault(v => v.Id == id);
        if (version is null)
        {
            error = "the record was decided under " + id + ", which this library does not have; give the library with --rules DIR";
            return false;
        }

        if (sha256 is not null && !string.Equals(version.Sha256, sha256, StringComparison.OrdinalIgnoreCase))
        {
            error = "the record was decided under " + id + " sha256 " + sha256 + ", but this library's " + id + " is sha256 " + version.Sha256 + "; give the library it names with --rules DIR";
            return false;
        }

        return true;
    }

    private string QueryJson(RecordedDecision record)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            if (record.QueryJson is { } given)
            {
                WriteGiven(w, record, given);
            }
            else
            {
                WriteKept(w, record);
            }
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>The query as given, every field kept; the recorded version named too when it names none and should (see <see cref="NamesVersion"/>).</summary>
    private void WriteGiven(Utf8JsonWriter w, RecordedDecision record, string given)
    {
        using var document = JsonDocument.Parse(given);
        w.WriteStartObject();
        bool namesRuleSet = document.RootElement.TryGetProperty("ruleset", out _);
        if (!namesRuleSet && record.RuleSet is { } id && NamesVersion(record, id))
        {
            w.WriteString("ruleset", id);
        }

        foreach (var property in document.RootElement.EnumerateObject())
        {
            property.WriteTo(w);
        }

        w.WriteEndObject();
    }

    /// <summary>
    /// Whether the question names the recorded version: always against the library the record names; against
    /// another, only when the query had no date or the version is never in force (the 2002 Bill), since a
    /// correction may change effective dates.
    /// </summary>
    private bool NamesVersion(RecordedDecision record, string id) => named || record.Date is null || IsNeverInForce(id);

    /// <summary>An older record kept only the date, designation and facts (an ad-hoc designation's powers and force).</summary>
    private void WriteKept(Utf8JsonWriter w, RecordedDecision record)
    {
        w.WriteStartObject();
        if (record.Date is { } date)
        {
            w.WriteString("date", date);
        }

        if (record.RuleSet is { } id && NamesVersion(record, id))
        {
            w.WriteString("ruleset", id);
        }

        w.WritePropertyName("designation");
        w.WriteRawValue(record.DesignationJson, skipInputValidation: true);
        w.WritePropertyName("facts");
        w.WriteRawValue(record.FactsJson, skipInputValidation: true);
        w.WriteEndObject();
    }

    private bool IsNeverInForce(string id) => _library.Versions.FirstOrDefault(v => v.Id == id) is { Effective.Never: true };
}
