using System.Buffers;
using System.Text;
using System.Text.Json;
using Powers.Analysis;
using Powers.Binding;
using Powers.Evaluation;
using Powers.Model;
using Powers.Queries;
using Powers.Text;

namespace Powers.Decisions;

/// <summary>
/// Writes decisions in the JSON forms of docs/contract.md at each <see cref="DecisionDetail"/>: the full decision
/// document, the reasons document and the compact outcomes form. Into a compact <see cref="Utf8JsonWriter"/> a
/// document is copied from bytes its plan encoded once (<see cref="DocumentBytes"/>), and only what differs per
/// decision is written; an indented writer, and a document of one power, go through the one reference writer below
/// (<see cref="WriteReference"/>), which gives the same document.
/// </summary>
public static class DecisionJsonWriter
{
    /// <summary>Writes the full decision document with System.Text.Json.</summary>
    public static void Write(Utf8JsonWriter w, Decision decision) => Write(w, decision, DecisionDetail.Full, null, default);

    /// <summary>
    /// Writes the decision document at a level of detail with System.Text.Json. At <see cref="DecisionDetail.Full"/>,
    /// what would permit each undetermined power is searched for within <paramref name="budget"/> (default
    /// <see cref="AnalysisBudget.Explanation"/>); a search that runs out gives <c>"permittedIf": null</c> and
    /// <c>"permittedIfStopped"</c> with the reason.
    /// </summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static void Write(Utf8JsonWriter w, Decision decision, DecisionDetail detail, AnalysisBudget? budget, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(decision);
        if (w.Options.Indented)
        {
            // The encoded bytes are compact; an indented document is written token by token.
            WriteReference(w, decision, detail, budget, onlyPower: null, cancellationToken);
            return;
        }

        DecisionUtf8Writer.Write(w, decision, detail, budget, cancellationToken);
    }

    /// <summary>
    /// The document at a level of detail with System.Text.Json, holding only <paramref name="onlyPower"/> when it is
    /// given (<c>powers query --power</c>).
    /// </summary>
    internal static void Write(Utf8JsonWriter w, Decision decision, DecisionDetail detail, AnalysisBudget? budget, string? onlyPower, CancellationToken cancellationToken)
    {
        if (onlyPower is null)
        {
            Write(w, decision, detail, budget, cancellationToken);
            return;
        }

        WriteReference(w, decision, detail, budget, onlyPower, cancellationToken);
    }

    /// <summary>Writes the full decision document as UTF-8 to a stream (e.g. an HTTP response body), without a string.</summary>
    public static void Write(Stream utf8, Decision decision)
    {
        using var w = new Utf8JsonWriter(utf8);
        Write(w, decision);
    }

    /// <summary>Writes one power's entry of the decision document (an element of <c>decisions</c>) with System.Text.Json.</summary>
    public static void Write(Utf8JsonWriter w, PowerDecision power)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(power);
        WritePower(w, power);
    }

    /// <summary>Writes query errors (<c>[{"code": ..., "field": ..., "message": ...}]</c>) with System.Text.Json.</summary>
    public static void WriteErrors(Utf8JsonWriter w, IEnumerable<QueryError> errors)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(errors);
        WriteErrorArray(w, errors);
    }

    /// <summary>
    /// The decision document at a level of detail as a string (indented on request); at full detail, residuals within
    /// <paramref name="budget"/> (default <see cref="AnalysisBudget.Explanation"/>). Escapes only what JSON requires (quotes,
    /// backslashes, control characters).
    /// </summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static string ToJson(Decision decision, DecisionDetail detail, AnalysisBudget? budget, bool indented, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(decision);
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var w = new Utf8JsonWriter(buffer, TextOptions(indented)))
        {
            Write(w, decision, detail, budget, cancellationToken);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>The errors document <c>{"errors": [{"code": ..., "field": ..., "message": ...}, ...]}</c> as a string, escaped as the decision document is.</summary>
    public static string ToJson(IEnumerable<QueryError> errors, bool indented)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var w = new Utf8JsonWriter(buffer, TextOptions(indented)))
        {
            w.WriteStartObject();
            w.WritePropertyName("errors");
            WriteErrorArray(w, errors);
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    // The escaping these strings had when Newtonsoft wrote them (JsonOutputEncoder.Minimal), the new line of the platform.
    private static JsonWriterOptions TextOptions(bool indented) => new() { Indented = indented, Encoder = JsonOutputEncoder.Minimal };

    /// <summary>
    /// The document at a level of detail, holding only <paramref name="onlyPower"/> when it is given (<c>powers query
    /// --power</c>): its entry is the one the whole document has; everything else in the document is unchanged.
    /// </summary>
    internal static void WriteReference(Utf8JsonWriter w, Decision decision, DecisionDetail detail, AnalysisBudget? budget, string? onlyPower, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(decision);
        if (detail == DecisionDetail.Outcomes)
        {
            WriteOutcomes(w, decision, onlyPower);
            return;
        }

        w.WriteStartObject();
        if (decision.Date is { } date)
        {
            w.WritePropertyName("date");
            w.WriteStringValue(EffectiveRange.Format(date));
        }

        w.WritePropertyName("designation");
        if (decision.Designation.Id is { } id)
        {
            w.WriteStringValue(id);
        }
        else
        {
            w.WriteStartObject();
            w.WritePropertyName("force");
            w.WriteStringValue(decision.Designation.Force);
            w.WritePropertyName("powers");
            w.WriteStartArray();
            foreach (var power in decision.Designation.Powers.Order(StringComparer.Ordinal))
            {
                w.WriteStringValue(power);
            }

            w.WriteEndArray();
            if (decision.Designation.Made is { } made)
            {
                w.WritePropertyName("made");
                w.WriteStringValue(EffectiveRange.Format(made));
            }

            w.WriteEndObject();
        }

        w.WritePropertyName("ruleset");
        if (decision.Version is { } version)
        {
            w.WriteStartObject();
            w.WritePropertyName("id");
            w.WriteStringValue(version.Family);
            w.WritePropertyName("version");
            w.WriteStringValue(version.Version);
            w.WritePropertyName("revision");
            w.WriteNumberValue(version.Revision);
            w.WritePropertyName("sha256");
            w.WriteStringValue(version.Sha256);
            w.WritePropertyName("title");
            w.WriteStringValue(version.Title);
            w.WriteEndObject();
        }
        else
        {
            w.WriteNullValue();
        }

        w.WritePropertyName("decisions");
        w.WriteStartArray();
        if (detail == DecisionDetail.Reasons)
        {
            foreach (var power in decision.Powers)
            {
                if (onlyPower is null || power.Power == onlyPower)
                {
                    WriteReasons(w, power);
                }
            }
        }
        else
        {
            foreach (var power in decision.Explain(budget, cancellationToken))
            {
                if (onlyPower is null || power.Power == onlyPower)
                {
                    WritePower(w, power);
                }
            }
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>Writes <c>{"power-id": "outcome", ...}</c>, of <paramref name="onlyPower"/> only when it is given.</summary>
    internal static void WriteOutcomes(Utf8JsonWriter w, Decision decision, string? onlyPower)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(decision);
        w.WriteStartObject();
        for (int p = 0; p < decision.Count; p++)
        {
            if (onlyPower is not null && decision.PowerAt(p) != onlyPower)
            {
                continue;
            }

            w.WritePropertyName(decision.PowerAt(p));
            w.WriteStringValue(OutcomeNames.Name(decision.OutcomeAt(p)));
        }

        w.WriteEndObject();
    }

    /// <summary>Writes query errors as <c>[{"code": ..., "field": ..., "message": ...}, ...]</c>.</summary>
    private static void WriteErrorArray(Utf8JsonWriter w, IEnumerable<QueryError> errors)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(errors);
        w.WriteStartArray();
        foreach (var error in errors)
        {
            w.WriteStartObject();
            w.WritePropertyName("code");
            w.WriteStringValue(error.Code);
            w.WritePropertyName("field");
            w.WriteStringValue(error.Field);
            w.WritePropertyName("message");
            w.WriteStringValue(error.Message);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void WriteReasons(Utf8JsonWriter w, PowerDecision power)
    {
        w.WriteStartObject();
        w.WritePropertyName("power");
        w.WriteStringValue(power.Power);
        w.WritePropertyName("outcome");
        w.WriteStringValue(OutcomeNames.Name(power.Outcome));
        if (power.Cite is { } cite)
        {
            w.WritePropertyName("cite");
            w.WriteStringValue(cite);
        }

        w.WritePropertyName("confidence");
        w.WriteStringValue(power.Confidence == Confidence.Low ? "low" : "high");
        WriteClausesAndMissing(w, power, full: false);
        w.WriteEndObject();
    }

    private static void WritePower(Utf8JsonWriter w, PowerDecision power)
    {
        w.WriteStartObject();
        w.WritePropertyName("power");
        w.WriteStringValue(power.Power);
        w.WritePropertyName("title");
        w.WriteStringValue(power.Title);
        w.WritePropertyName("outcome");
        w.WriteStringValue(OutcomeNames.Name(power.Outcome));
        if (power.Cite is { } cite)
        {
            w.WritePropertyName("cite");
            w.WriteStringValue(cite);
        }

        if (power.Plan.Reason is { } reason)
        {
            w.WritePropertyName("reason");
            w.WriteStringValue(reason);
        }

        w.WritePropertyName("confidence");
        w.WriteStringValue(power.Confidence == Confidence.Low ? "low" : "high");
        w.WritePropertyName("uncertain");
        w.WriteStartArray();
        foreach (var reading in power.Uncertain)
        {
            w.WriteStartObject();
            w.WritePropertyName("cite");
            w.WriteStringValue(reading.Cite);
            w.WritePropertyName("note");
            w.WriteStringValue(reading.Note);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        if (power.Plan.Rule is { Confidence: Confidence.Low } rule)
        {
            w.WritePropertyName("note");
            w.WriteStringValue(rule.Note);
        }

        WriteClausesAndMissing(w, power, full: true);
        if (power.PermittedIf is { } permittedIf)
        {
            w.WritePropertyName("permittedIf");
            w.WriteStringValue(permittedIf);
        }
        else if (power.Residual?.Stopped is { } stopped)
        {
            w.WritePropertyName("permittedIf");
            w.WriteNullValue();
            w.WritePropertyName("permittedIfStopped");
            w.WriteStringValue(stopped);
        }

        if (power.Example is { } example)
        {
            w.WritePropertyName("example");
            w.WriteStartObject();
            foreach (var value in example)
            {
                w.WritePropertyName(value.Fact.Name);
                switch (value.Fact.Kind)
                {
                    case FactKind.Bool:
                        w.WriteBooleanValue(value.Value != 0);
                        break;
                    case FactKind.Int:
                        w.WriteNumberValue(value.Value);
                        break;
                    default:
                        w.WriteStringValue(value.Fact.FormatValue(value.Value));
                        break;
                }
            }

            w.WriteEndObject();
        }

        w.WriteEndObject();
    }

    // "clauses" (id and status; at full detail also what each says) and "missing", at the reasons and full levels alike.
    private static void WriteClausesAndMissing(Utf8JsonWriter w, PowerDecision power, bool full)
    {
        w.WritePropertyName("clauses");
        w.WriteStartArray();
        foreach (var clause in power.Clauses)
        {
            w.WriteStartObject();
            w.WritePropertyName("id");
            w.WriteStringValue(clause.Clause.Id);
            w.WritePropertyName("status");
            w.WriteStringValue(TriLogic.StatusName(clause.Status));
            if (full)
            {
                WriteClauseText(w, clause.Clause);
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WritePropertyName("missing");
        w.WriteStartArray();
        foreach (var fact in power.Missing)
        {
            w.WriteStringValue(fact.Name);
        }

        w.WriteEndArray();
    }

    private static void WriteClauseText(Utf8JsonWriter w, Clause clause)
    {
        w.WritePropertyName("cite");
        w.WriteStringValue(clause.Cite);
        w.WritePropertyName("text");
        w.WriteStringValue(clause.Text);
        w.WritePropertyName("when");
        w.WriteStringValue(clause.ExpressionText);
        if (clause.Origin == ClauseOrigin.Restriction)
        {
            w.WritePropertyName("origin");
            w.WriteStringValue("designation");
        }

        if (clause.Confidence == Confidence.Low)
        {
            w.WritePropertyName("confidence");
            w.WriteStringValue("low");
            w.WritePropertyName("note");
            w.WriteStringValue(clause.Note);
        }
    }
}
