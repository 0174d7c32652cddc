using Powers.Decisions;
using Powers.Evaluation;
using Powers.Model;

namespace Powers.Hosting;

/// <summary>
/// What is needed to explain a decision later exactly as it was made: its id and time, the rule set version
/// (id, version, revision, SHA-256) and library hash, the date, the designation, the facts and the outcomes.
/// Replaying <see cref="ToReplayQueryJson"/> against a library with the same hash gives the same decision.
/// </summary>
public sealed class DecisionRecord
{
    internal DecisionRecord(string decisionId, DateTimeOffset time, string librarySha256, Decision decision, Situation facts)
    {
        DecisionId = decisionId;
        Time = time;
        LibrarySha256 = librarySha256;
        Decision = decision;
        Facts = facts;
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

    /// <summary>The record as one line of JSON (no line break), as the NDJSON sink writes it.</summary>
    public string ToJson() => DecisionRecordJson.Serialize(this);

    /// <summary>A query document that asks the same question again: date, explicit rule set version, designation and facts.</summary>
    public string ToReplayQueryJson() => DecisionRecordJson.SerializeReplayQuery(this);
}
