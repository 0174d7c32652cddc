using Powers.Queries;

namespace Powers.Decisions;

/// <summary>
/// What <see cref="PowersEngine.Decide(ReadOnlySpan{char})"/> answers for a query document: the decision, or every
/// error in the document, each naming its field (never both).
/// </summary>
public sealed class DecisionResult
{
    private DecisionResult(Decision? decision, IReadOnlyList<QueryError> errors)
    {
        Decision = decision;
        Errors = errors;
    }

    /// <summary>The decision, or null when the query had errors.</summary>
    public Decision? Decision { get; }

    /// <summary>What is wrong with the query; empty when <see cref="Decision"/> is set.</summary>
    public IReadOnlyList<QueryError> Errors { get; }

    /// <summary>Whether the query was read and decided.</summary>
    public bool Succeeded => Decision is not null;

    internal static DecisionResult Decided(Decision decision) => new(decision, []);

    internal static DecisionResult Refused(IReadOnlyList<QueryError> errors) => new(null, errors);
}
