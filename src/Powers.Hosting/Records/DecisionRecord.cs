using Powers.Decisions;
using Powers.Evaluation;
using Powers.Model;

namespace Powers.Hosting;

/// <summary>
/// What is needed to explain a decision later exactly as it was made: its id and time, the rule set version
/// (id, version, revision, SHA-256) and library hash, the query as given (every field: an ad-hoc designation's
/// made day and restrictions included), and the outcomes with their confidence. Replaying
/// <see cref="ToReplayQueryJson"/> against a library with the same hash gives the same decision.
/// </summary>
public sealed class DecisionRecord
{
    private readonly byte[] _query;

    internal DecisionRecord(string decisionId, DateTimeOffset time, string librarySha256, Decision decision, Situation facts, byte[] query)
    {
        DecisionId = decisionId;
        Time = time;
        LibrarySha256 = librarySha256;
        Decision = decision;
        Facts = facts;
        _query = query;
    }

    /// <summary>The decision id (a version 7 UUID), as in <see cref="PowersAnswer.DecisionId"/>.</summary>
    public string DecisionId { get; }

    /// <summary>When the decision was made.</summary>
    public DateTimeOffset Time { get; }

    /// <summary>The SHA-256 of the whole rule library in service (<see cref="PowersSnapshot.Sha256"/>).</summary>
    public string LibrarySha256 { get; }

    /// <summary>The decision, with its plan (version, designation, date) and every power's outcome and clauses.</summary>
    public Decision Decision { get; }

    /// <summary>The rule set version applied, or null when none was in force on the date.</summary>
    public RuleSetVersion? Version => Decision.Version;

    /// <summary>A private copy of the facts the decision was made on (unknown facts are unset).</summary>
    public Situation Facts { get; }

    /// <summary>
    /// The query document as the caller gave it, on one line (white space outside strings removed); for a query
    /// given as a typed <see cref="Queries.Query"/>, a document that resolves to it.
    /// </summary>
    public string QueryJson => System.Text.Encoding.UTF8.GetString(_query);

    /// <summary>The query as given, UTF-8.</summary>
    internal ReadOnlySpan<byte> QueryUtf8 => _query;

    /// <summary>The record as one line of JSON (no line break), as the NDJSON sink writes it.</summary>
    public string ToJson() => DecisionRecordJson.Serialize(this);

    /// <summary>
    /// A query document that asks the same question again: the query as given, with the rule set version applied
    /// named (<c>"ruleset": "ID@VERSION"</c>) when it named none.
    /// </summary>
    public string ToReplayQueryJson() => QueryDocument.WithRuleSet(_query, Version?.Id);
}
