namespace Powers.Cli.Replay;

/// <summary>
/// One decision as a record keeps it (the record format of docs/embedding.md): enough to ask the same question
/// again and to compare the answers power by power.
/// </summary>
/// <param name="Id">The decision id.</param>
/// <param name="Where">Where the record was read, for messages: <c>FILE(LINE)</c> or the database row's id.</param>
/// <param name="Date">The query date (<c>yyyy-MM-dd</c>), or null when the query gave none.</param>
/// <param name="RuleSet">The rule set version applied (<c>ID@VERSION</c>), or null when none was in force.</param>
/// <param name="RuleSetSha256">The SHA-256 of that version, or null.</param>
/// <param name="DesignationJson">The designation as the record wrote it: an id string or an ad-hoc object, in JSON.</param>
/// <param name="FactsJson">The facts as given, a JSON object.</param>
/// <param name="Outcomes">Each power id with its recorded outcome name, in record order.</param>
/// <param name="QueryJson">The query as given (records from this round on), or null for an older record, whose date, designation and facts are all it kept.</param>
internal sealed record RecordedDecision(
    string Id,
    string Where,
    string? Date,
    string? RuleSet,
    string? RuleSetSha256,
    string DesignationJson,
    string FactsJson,
    IReadOnlyList<KeyValuePair<string, string>> Outcomes,
    string? QueryJson = null);
