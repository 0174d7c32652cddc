using Newtonsoft.Json;
using Powers.Analysis;
using Powers.Binding;
using Powers.Evaluation;
using Powers.Model;
using Powers.Queries;

namespace Powers.Decisions;

/// <summary>
/// Writes decisions in the JSON forms of docs/contract.md at each <see cref="DecisionDetail"/>: the full decision
/// document, the reasons document and the compact outcomes form. Into a compact <see cref="System.Text.Json.Utf8JsonWriter"/>
/// a document is copied from bytes its plan encoded once (<see cref="DocumentBytes"/>), and only what differs per
/// decision is written; the Newtonsoft overloads and an indented writer go through the one reference writer below,
/// which gives the same document.
/// </summary>
public static class DecisionJsonWriter
{
    /// <summary>Writes the full decision document with System.Text.Json (the same document as the Newtonsoft overload).</summary>
    public static void Write(System.Text.Json.Utf8JsonWriter w, Decision decision) => Write(w, decision, DecisionDetail.Full, null, default);

    /// <summary>
    /// Writes the decision document at a level of detail with System.Text.Json. At <see cref="DecisionDetail.Full"/>,
    /// what would permit each undetermined power is searched for within <paramref name="budget"/> (default
    /// <see cref="AnalysisBudget.Explanation"/>); a search that runs out gives <c>"permittedIf": null</c> and
    /// <c>"permittedIfStopped"</c> with the reason.
    /// </summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static void Write(System.Text.Json.Utf8JsonWriter w, Decision decision, DecisionDetail detail, AnalysisBudget? budget, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(decision);
        if (w.Options.Indented)
        {
            // The encoded bytes are compact; an indented document is written token by token.
            Write(new Utf8JsonWriterAdapter(w), decision, detail, budget, cancellationToken);
            return;
        }

        DecisionUtf8Writer.Write(w, decision, detail, budget, cancellationToken);
    }

    /// <summary>
    /// The document at a level of detail with System.Text.Json, holding only <paramref name="onlyPower"/> when it is
    /// given (<c>powers query --power</c>), as the Newtonsoft overload below writes it.
    /// </summary>
    internal static void Write(System.Text.Json.Utf8JsonWriter w, Decision decision, DecisionDetail detail, AnalysisBudget? budget, string? onlyPower, CancellationToken cancellationToken)
    {
        if (onlyPower is null)
        {
            Write(w, decision, detail, budget, cancellationToken);
            return;
        }

        ArgumentNullException.ThrowIfNull(w);
        Write(new Utf8JsonWriterAdapter(w), decision, detail, budget, onlyPower, cancellationToken);
    }

    /// <summary>Writes <c>{"power-id": "outcome", ...}</c> with System.Text.Json, of <paramref name="onlyPower"/> only when it is given.</summary>
    internal static void WriteOutcomes(System.Text.Json.Utf8JsonWriter w, Decision decision, string? onlyPower)
    {
        ArgumentNullException.ThrowIfNull(w);
        WriteOutcomes(new Utf8JsonWriterAdapter(w), decision, onlyPower);
    }

    /// <summary>Writes the full decision document as UTF-8 to a stream (e.g. an HTTP response body), without a string.</summary>
    public static void Write(Stream utf8, Decision decision)
    {
        using var w = new System.Text.Json.Utf8JsonWriter(utf8);
        Write(w, decision);
    }

    /// <summary>Writes one power's entry of the decision document (an element of <c>decisions</c>) with System.Text.Json.</summary>
    public static void Write(System.Text.Json.Utf8JsonWriter w, PowerDecision power)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(power);
        WritePower(new Utf8JsonWriterAdapter(w), power);
    }

    /// <summary>Writes query errors (<c>[{"code": ..., "field": ..., "message": ...}]</c>) with System.Text.Json.</summary>
    public static void WriteErrors(System.Text.Json.Utf8JsonWriter w, IEnumerable<QueryError> errors)
    {
        ArgumentNullException.ThrowIfNull(w);
        WriteErrors(new Utf8JsonWriterAdapter(w), errors);
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
        using var text = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        using (var w = new JsonTextWriter(text) { Formatting = indented ? Formatting.Indented : Formatting.None })
        {
            Write(w, decision, detail, budget, cancellationToken);
        }

        return text.ToString();
    }

    /// <summary>The errors document <c>{"errors": [{"code": ..., "field": ..., "message": ...}, ...]}</c> as a string, escaped as the decision document is.</summary>
    public static string ToJson(IEnumerable<QueryError> errors, bool indented)
    {
        ArgumentNullException.ThrowIfNull(errors);
        using var text = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        using (var w = new JsonTextWriter(text) { Formatting = indented ? Formatting.Indented : Formatting.None })
        {
            w.WriteStartObject();
            w.WritePropertyName("errors");
            WriteErrors(w, errors);
            w.WriteEndObject();
        }

        return text.ToString();
    }

    /// <summary>Writes the full decision document.</summary>
    internal static void Write(JsonWriter w, Decision decision) => Write(w, decision, DecisionDetail.Full, null, default);

    /// <summary>Writes the decision document at a level of detail (at full detail, residuals within <see cref="AnalysisBudget.Explanation"/>).</summary>
    internal static void Write(JsonWriter w, Decision decision, DecisionDetail detail) => Write(w, decision, detail, null, default);

    /// <summary>
    /// Writes the decision document at a level of detail; at full detail, residuals within <paramref name="budget"/>
    /// (default <see cref="AnalysisBudget.Explanation"/>). This is the reference writer of every level: the document's
    /// order and form are defined here.
    /// </summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    internal static void Write(JsonWriter w, Decision decision, DecisionDetail detail, AnalysisBudget? budget, CancellationToken cancellationToken) =>
        Write(w, decision, detail, budget, onlyPower: null, cancellationToken);

    /// <summary>
    /// The document at a level of detail, holding only <paramref name="onlyPower"/> when it is given (<c>powers query
    /// --power</c>): its entry is the one the whole document has; everything else in the document is unchanged.
    /// </summary>
    internal static void Write(JsonWriter w, Decision decision, DecisionDetail detail, AnalysisBudget? budget, string? onlyPower, CancellationToken cancellationToken)
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
            w.WriteValue(EffectiveRange.Format(date));
        }

        w.WritePropertyName("designation");
        if (decision.Designation.Id is { } id)
        {
            w.WriteValue(id);
        }
        else
        {
            w.WriteStartObject();
            w.WritePropertyName("force");
            w.WriteValue(decision.Designation.Force);
            w.WritePropertyName("powers");
            w.WriteStartArray();
            foreach (var power in decision.Designation.Powers.Order(StringComparer.Ordinal))
            {
                w.WriteValue(power);
            }

            w.WriteEndArray();
            if (decision.Designation.Made is { } made)
            {
                w.WritePropertyName("made");
                w.WriteValue(EffectiveRange.Format(made));
            }

            w.WriteEndObject();
        }

        w.WritePropertyName("ruleset");
        if (decision.Version is { } version)
        {
            w.WriteStartObject();
            w.WritePropertyName("id");
            w.WriteValue(version.Family);
            w.WritePropertyName("version");
            w.WriteValue(version.Version);
            w.WritePropertyName("revision");
            w.WriteValue(version.Revision);
            w.WritePropertyName("sha256");
            w.WriteValue(version.Sha256);
            w.WritePropertyName("title");
            w.WriteValue(version.Title);
            w.WriteEndObject();
        }
        else
        {
            w.WriteNull();
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

    /// <summary>Writes <c>{"power-id": "outcome", ...}</c>.</summary>
    internal static void WriteOutcomes(JsonWriter w, Decision decision) => WriteOutcomes(w, decision, onlyPower: null);

    /// <summary>Writes <c>{"power-id": "outcome", ...}</c>, of <paramref name="onlyPower"/> only when it is given.</summary>
    internal static void WriteOutcomes(JsonWriter w, Decision decision, string? onlyPower)
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
            w.WriteValue(OutcomeNames.Name(decision.OutcomeAt(p)));
        }

        w.WriteEndObject();
    }

    /// <summary>Writes query errors as <c>[{"code": ..., "field": ..., "message": ...}, ...]</c>.</summary>
    internal static void WriteErrors(JsonWriter w, IEnumerable<QueryError> errors)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(errors);
        w.WriteStartArray();
        foreach (var error in errors)
        {
            w.WriteStartObject();
            w.WritePropertyName("code");
            w.WriteValue(error.Code);
            w.WritePropertyName("field");
            w.WriteValue(error.Field);
            w.WritePropertyName("message");
            w.WriteValue(error.Message);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void WriteReasons(JsonWriter w, PowerDecision power)
    {
        w.WriteStartObject();
        w.WritePropertyName("power");
        w.WriteValue(power.Power);
        w.WritePropertyName("outcome");
        w.WriteValue(OutcomeNames.Name(power.Outcome));
        if (power.Cite is { } cite)
        {
            w.WritePropertyName("cite");
            w.WriteValue(cite);
        }

        w.WritePropertyName("confidence");
        w.WriteValue(power.Confidence == Confidence.Low ? "low" : "high");
        WriteClausesAndMissing(w, power, full: false);
        w.WriteEndObject();
    }

    private static void WritePower(JsonWriter w, PowerDecision power)
    {
        w.WriteStartObject();
        w.WritePropertyName("power");
        w.WriteValue(power.Power);
        w.WritePropertyName("title");
        w.WriteValue(power.Title);
        w.WritePropertyName("outcome");
        w.WriteValue(OutcomeNames.Name(power.Outcome));
        if (power.Cite is { } cite)
        {
            w.WritePropertyName("cite");
            w.WriteValue(cite);
        }

        if (power.Plan.Reason is { } reason)
        {
            w.WritePropertyName("reason");
            w.WriteValue(reason);
        }

        w.WritePropertyName("confidence");
        w.WriteValue(power.Confidence == Confidence.Low ? "low" : "high");
        w.WritePropertyName("uncertain");
        w.WriteStartArray();
        foreach (var reading in power.Uncertain)
        {
            w.WriteStartObject();
            w.WritePropertyName("cite");
            w.WriteValue(reading.Cite);
            w.WritePropertyName("note");
            w.WriteValue(reading.Note);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        if (power.Plan.Rule is { Confidence: Confidence.Low } rule)
        {
            w.WritePropertyName("note");
            w.WriteValue(rule.Note);
        }

        WriteClausesAndMissing(w, power, full: true);
        if (power.PermittedIf is { } permittedIf)
        {
            w.WritePropertyName("permittedIf");
            w.WriteValue(permittedIf);
        }
        else if (power.Residual?.Stopped is { } stopped)
        {
            w.WritePropertyName("permittedIf");
            w.WriteNull();
            w.WritePropertyName("permittedIfStopped");
            w.WriteValue(stopped);
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
                        w.WriteValue(value.Value != 0);
                        break;
                    case FactKind.Int:
                        w.WriteValue(value.Value);
                        break;
                    default:
                        w.WriteValue(value.Fact.FormatValue(value.Value));
                        break;
                }
            }

            w.WriteEndObject();
        }

        w.WriteEndObject();
    }

    // "clauses" (id and status; at full detail also what each says) and "missing", at the reasons and full levels alike.
    private static void WriteClausesAndMissing(JsonWriter w, PowerDecision power, bool full)
    {
        w.WritePropertyName("clauses");
        w.WriteStartArray();
        foreach (var clause in power.Clauses)
        {
            w.WriteStartObject();
            w.WritePropertyName("id");
            w.WriteValue(clause.Clause.Id);
            w.WritePropertyName("status");
            w.WriteValue(TriLogic.StatusName(clause.Status));
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
            w.WriteValue(fact.Name);
        }

        w.WriteEndArray();
    }

    private static void WriteClauseText(JsonWriter w, Clause clause)
    {
        w.WritePropertyName("cite");
        w.WriteValue(clause.Cite);
        w.WritePropertyName("text");
        w.WriteValue(clause.Text);
        w.WritePropertyName("when");
        w.WriteValue(clause.ExpressionText);
        if (clause.Origin == ClauseOrigin.Restriction)
        {
            w.WritePropertyName("origin");
            w.WriteValue("designation");
        }

        if (clause.Confidence == Confidence.Low)
        {
            w.WritePropertyName("confidence");
            w.WriteValue("low");
            w.WritePropertyName("note");
            w.WriteValue(clause.Note);
        }
    }
}
