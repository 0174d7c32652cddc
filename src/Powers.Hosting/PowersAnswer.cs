using Powers.Analysis;
using Powers.Decisions;
using Powers.Queries;

namespace Powers.Hosting;

/// <summary>
/// The answer to one query: the decision, or the errors in the query, and the library it was made with. It is
/// written at its <see cref="Detail"/> (<see cref="PowersOptions.Detail"/> unless <see cref="WithDetail"/> chose another).
/// </summary>
/// <remarks>System.Text.Json writes it as <see cref="ToJson"/> does (<see cref="PowersAnswerJsonConverter"/>).</remarks>
[System.Text.Json.Serialization.JsonConverter(typeof(PowersAnswerJsonConverter))]
public sealed class PowersAnswer
{
    private readonly AnalysisBudget _budget;

    internal PowersAnswer(string decisionId, DateTimeOffset time, PowersSnapshot snapshot, Decision? decision, IReadOnlyList<QueryError> errors, DecisionDetail detail, AnalysisBudget budget)
    {
        DecisionId = decisionId;
        Time = time;
        Snapshot = snapshot;
        Decision = decision;
        Errors = errors;
        Detail = detail;
        _budget = budget;
    }

    /// <summary>A unique, time-ordered id (a version 7 UUID), also written to the decision record.</summary>
    public string DecisionId { get; }

    /// <summary>When the query was decided.</summary>
    public DateTimeOffset Time { get; }

    /// <summary>The library the query was read and decided against.</summary>
    public PowersSnapshot Snapshot { get; }

    /// <summary>The decision, or null when the query had errors.</summary>
    public Decision? Decision { get; }

    /// <summary>What is wrong with the query, each naming its field; empty when decided.</summary>
    public IReadOnlyList<QueryError> Errors { get; }

    /// <summary>Whether the query was decided.</summary>
    public bool Succeeded => Decision is not null;

    /// <summary>How much of the decision <see cref="ToJson"/>, <see cref="WriteTo(System.Text.Json.Utf8JsonWriter)"/> and System.Text.Json write.</summary>
    public DecisionDetail Detail { get; }

    /// <summary>
    /// The same answer, written at another level of detail: e.g. <c>Results.Json(answer.WithDetail(DecisionDetail.Reasons))</c>
    /// for an endpoint that needs each power's outcome and reasons but not the clause texts. Decides nothing again.
    /// </summary>
    public PowersAnswer WithDetail(DecisionDetail detail) =>
        detail == Detail ? this : new PowersAnswer(DecisionId, Time, Snapshot, Decision, Errors, detail, _budget);

    /// <summary>
    /// The decision document (docs/contract.md) at <see cref="Detail"/>, or <c>{"errors": [...]}</c> when the query had
    /// errors. At full detail, what would permit each undetermined power is searched for within the host's
    /// <see cref="PowersOptions.ExplainMaxSteps"/> and <see cref="PowersOptions.ExplainTimeLimit"/>.
    /// </summary>
    public string ToJson(bool indented = false) =>
        Decision is not null ? DecisionJsonWriter.ToJson(Decision, Detail, _budget, indented) : DecisionJsonWriter.ToJson(Errors, indented);

    /// <summary>
    /// Writes what <see cref="ToJson"/> returns, with System.Text.Json, without building a string (into a compact
    /// writer, copied from bytes the decision's plan encoded once).
    /// </summary>
    public void WriteTo(System.Text.Json.Utf8JsonWriter writer) => WriteTo(writer, default);

    private void WriteTo(System.Text.Json.Utf8JsonWriter writer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (Decision is not null)
        {
            DecisionJsonWriter.Write(writer, Decision, Detail, _budget, cancellationToken);
            return;
        }

        writer.WriteStartObject();
        writer.WritePropertyName("errors");
        DecisionJsonWriter.WriteErrors(writer, Errors);
        writer.WriteEndObject();
    }

    /// <summary>
    /// Writes what <see cref="ToJson"/> returns as UTF-8 to a stream (e.g. an HTTP response body). Cancelling also stops
    /// the search for <c>permittedIf</c> at full detail (<see cref="OperationCanceledException"/>).
    /// </summary>
    public async Task WriteToAsync(Stream utf8, CancellationToken cancellationToken = default)
    {
        var writer = new System.Text.Json.Utf8JsonWriter(utf8);
        await using (writer.ConfigureAwait(false))
        {
            WriteTo(writer, cancellationToken);
            await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The compact form <c>{"power-id": "outcome", ...}</c>, or the errors form when the query had errors.</summary>
    public string ToOutcomesJson() =>
        Decision is null ? ToJson() : DecisionJsonWriter.ToJson(Decision, DecisionDetail.Outcomes, null, indented: false);
}
