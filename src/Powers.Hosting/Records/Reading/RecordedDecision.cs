namespace Powers.Hosting;

/// <summary>
/// One decision as a record keeps it (docs/embedding.md, "Decision records"), read back: enough to ask the same
/// question again, compare the answers power by power, and check the record's place in its writer's chain.
/// </summary>
internal sealed class RecordedDecision
{
    public RecordedDecision(string id, string where, string? date, string? ruleSet, string? ruleSetSha256, string designationJson, string factsJson, IReadOnlyList<KeyValuePair<string, string>> outcomes, string? queryJson, RecordLink? link)
    {
        Id = id;
        Where = where;
        Date = date;
        RuleSet = ruleSet;
        RuleSetSha256 = ruleSetSha256;
        DesignationJson = designationJson;
        FactsJson = factsJson;
        Outcomes = outcomes;
        QueryJson = queryJson;
        Link = link;
    }

    /// <summary>The decision id (a UUID).</summary>
    public string Id { get; }

    /// <summary>Where the record was read, for messages: <c>FILE(LINE)</c> or the table row's id.</summary>
    public string Where { get; }

    /// <summary>The query date (<c>yyyy-MM-dd</c>), or null when the query gave none.</summary>
    public string? Date { get; }

    /// <summary>The rule set version applied (<c>ID@VERSION</c>), or null when none was in force.</summary>
    public string? RuleSet { get; }

    /// <summary>The SHA-256 of that version, or null.</summary>
    public string? RuleSetSha256 { get; }

    /// <summary>The designation as the record wrote it: an id string or an ad-hoc object, in JSON.</summary>
    public string DesignationJson { get; }

    /// <summary>The known facts, a JSON object.</summary>
    public string FactsJson { get; }

    /// <summary>Each power id with its recorded outcome name, in record order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Outcomes { get; }

    /// <summary>The query as given, or null for an older record, whose date, designation and facts are all it kept.</summary>
    public string? QueryJson { get; }

    /// <summary>Its link in the writer's chain, or null for a record written before records were chained.</summary>
    public RecordLink? Link { get; }
}
