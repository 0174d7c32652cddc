namespace Powers.Queries;

/// <summary>A mistake in a query, naming the field: <c>facts.inUniform</c>, <c>date</c>, <c>designation.powers[1]</c>.</summary>
/// <param name="Field">The JSON path of the offending field.</param>
/// <param name="Message">What is wrong, with a suggestion where one helps.</param>
public sealed record QueryError(string Field, string Message)
{
    /// <inheritdoc />
    public override string ToString() => Field.Length == 0 ? Message : Field + ": " + Message;
}
