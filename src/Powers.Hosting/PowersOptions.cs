using Powers.Decisions;

namespace Powers.Hosting;

/// <summary>
/// Options for the hosted Powers engine, bound from the <c>Powers</c> configuration section
/// (<see cref="SectionName"/>) and validated when the host starts.
/// </summary>
/// <example>
/// <code language="json">
/// { "Powers": { "RulesDirectory": "rules", "WatchForChanges": true, "RecordDecisions": true, "DecisionRecordsPath": "records/decisions.ndjson" } }
/// </code>
/// </example>
public sealed class PowersOptions
{
    /// <summary>The configuration section the options are bound from: <c>Powers</c>.</summary>
    public const string SectionName = "Powers";

    /// <summary>The longest <see cref="ReloadDelay"/> allowed: one minute.</summary>
    public static readonly TimeSpan MaxReloadDelay = TimeSpan.FromMinutes(1);

    /// <summary>
    /// A directory holding a rule library (see docs/rule-format.md), relative to the host's content root.
    /// Null or empty (the default): the rule library embedded in the <c>Powers</c> package.
    /// </summary>
    public string? RulesDirectory { get; set; }

    /// <summary>
    /// Whether to watch <see cref="RulesDirectory"/> and reload the library when its files change. Default true.
    /// Has no effect on the embedded library.
    /// </summary>
    public bool WatchForChanges { get; set; } = true;

    /// <summary>
    /// How long the rule files must stay quiet before a reload compiles them, so that a burst of file events
    /// (an editor's save, a deployment copying many files) compiles once. Default 250 ms; at most one minute.
    /// </summary>
    public TimeSpan ReloadDelay { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// Paths to PEM public keys (P-256, ES256) trusted to sign <see cref="RulesDirectory"/>, relative to the content
    /// root (<c>Powers:TrustedKeys:0</c>, <c>Powers:TrustedKeys:1</c>, ...). When any is given, a library is verified
    /// against the manifest and signature <c>powers sign</c> writes before anything is compiled: at start an unsigned
    /// or tampered library fails start-up; on reload it is refused, the last good library stays in service and health
    /// is degraded with the reason. Several keys may be trusted at once, so a signer can move to a new key. Empty (the
    /// default): libraries are not verified, and the log says so.
    /// </summary>
    public IList<string> TrustedKeys { get; } = new List<string>();

    /// <summary>Whether each decision is recorded through the registered decision record sinks. Default false.</summary>
    public bool RecordDecisions { get; set; }

    /// <summary>
    /// When decisions are recorded: the append-only NDJSON file the default sink writes to, relative to the
    /// host's content root. Null or empty (the default): the default sink writes records to the log.
    /// </summary>
    public string? DecisionRecordsPath { get; set; }

    /// <summary>
    /// Whether the NDJSON records file is flushed to disk (fsync) before a decision is returned, so that a machine
    /// crash or power loss cannot lose a returned decision's record. Default true. Concurrent decisions share one
    /// fsync. False: records are written to the operating system only (a process crash loses nothing, a machine
    /// crash can lose the last records).
    /// </summary>
    public bool DecisionRecordsFlushToDisk { get; set; } = true;

    /// <summary>
    /// A PEM private key (P-256, as <c>powers sign</c> takes), relative to the content root, with which the records
    /// file's chain head is signed now and then: a checkpoint (writer, sequence number, SHA-256 of the last record)
    /// appended to <see cref="DecisionRecordsPath"/> with <c>.checkpoints</c> after it, every
    /// <see cref="DecisionRecordsCheckpointEvery"/> records, every <see cref="DecisionRecordsCheckpointInterval"/> when
    /// any was written, and when the host stops. <c>powers replay RECORDS --verify --trusted-key PUB.pem</c> then finds
    /// records cut from the end up to the last checkpoint, and a trail rewritten with every link recomputed. Null or
    /// empty (the default): no checkpoints. Needs <see cref="DecisionRecordsPath"/>.
    /// </summary>
    public string? DecisionRecordsSigningKey { get; set; }

    /// <summary>With <see cref="DecisionRecordsSigningKey"/>: a checkpoint after this many records at most. Default 1,000.</summary>
    public int DecisionRecordsCheckpointEvery { get; set; } = 1000;

    /// <summary>With <see cref="DecisionRecordsSigningKey"/>: a checkpoint at least this often while records are written. Default five minutes.</summary>
    public TimeSpan DecisionRecordsCheckpointInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How much of a decision an answer writes unless told otherwise (<see cref="PowersAnswer.ToJson"/>,
    /// <see cref="PowersAnswer.WriteTo(System.Text.Json.Utf8JsonWriter)"/>, <c>Results.Json(answer)</c>):
    /// <see cref="DecisionDetail.Full"/> (the default: the whole decision document, <c>permittedIf</c> included),
    /// <see cref="DecisionDetail.Reasons"/> (outcome, confidence, citation, clause statuses and missing facts per power)
    /// or <see cref="DecisionDetail.Outcomes"/> (<c>{"power-id": "outcome"}</c>). One answer can be written at another
    /// level with <see cref="PowersAnswer.WithDetail"/>. Deciding costs the same at every level; explaining only at full.
    /// </summary>
    public DecisionDetail Detail { get; set; } = DecisionDetail.Full;

    /// <summary>
    /// At full detail, the most steps the search for one undetermined power's <c>permittedIf</c> may take before it
    /// stops and says so (<c>"permittedIf": null</c> with <c>"permittedIfStopped"</c>). Default 4,000 (a few
    /// milliseconds; no power of the shipped library needs 50).
    /// </summary>
    public long ExplainMaxSteps { get; set; } = Powers.Analysis.AnalysisBudget.Explanation.MaxSteps;

    /// <summary>
    /// At full detail, the longest the searches for one answer's <c>permittedIf</c> may take together; default one
    /// second. <see cref="Timeout.InfiniteTimeSpan"/> for no limit (the steps still bound each power).
    /// </summary>
    public TimeSpan ExplainTimeLimit { get; set; } = Powers.Analysis.AnalysisBudget.Explanation.TimeLimit;
}
