namespace Powers.Queries;

/// <summary>One entry of the query-error catalogue (<see cref="QueryErrorDescriptors"/>): a stable code and a fixed title.</summary>
internal sealed class QueryErrorDescriptor
{
    public QueryErrorDescriptor(string code, string title)
    {
        Code = code;
        Title = title;
    }

    /// <summary>The stable code, <c>PQ0105</c>. Never reused.</summary>
    public string Code { get; }

    /// <summary>What kind of mistake, in words that quote nothing from the query.</summary>
    public string Title { get; }

    /// <inheritdoc />
    public override string ToString() => Code;
}
