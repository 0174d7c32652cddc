namespace Powers.Queries;

/// <summary>A query read and resolved against a library, or every error in it, each naming its field.</summary>
public sealed class QueryResult
{
    private QueryResult(Query? query, IReadOnlyList<QueryError> errors)
    {
        Query = query;
        Errors = errors;
    }

    /// <summary>The resolved query, or null when it had errors.</summary>
    public Query? Query { get; }

    /// <summary>What is wrong; empty when <see cref="Query"/> is set.</summary>
    public IReadOnlyList<QueryError> Errors { get; }

    /// <summary>Whether the query was read.</summary>
    public bool Succeeded => Query is not null;

    /// <summary>A query read.</summary>
    internal static QueryResult Read(Query query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return new QueryResult(query, []);
    }

    /// <summary>A query refused, with its errors (at least one).</summary>
    internal static QueryResult Refused(IReadOnlyList<QueryError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentOutOfRangeException.ThrowIfZero(errors.Count);
        return new QueryResult(null, errors);
    }
}
