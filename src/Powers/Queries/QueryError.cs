using Powers.Text;

namespace Powers.Queries;

/// <summary>A mistake in a query, naming the field: <c>facts.inUniform</c>, <c>date</c>, <c>designation.powers[1]</c>.</summary>
/// <param name="Field">The JSON path of the offending field (from command-line flags, the flag: <c>--date</c>).</param>
/// <param name="Message">What is wrong, with a suggestion where one helps. The same mistake gives the same message from a document, the fast path and flags.</param>
public sealed record QueryError(string Field, string Message)
{
    /// <summary>
    /// Where the offending value (or property name) is in the query document, by offset and length; null when the
    /// query did not come from a document (flags), or the mistake has no one place (a required field is missing).
    /// </summary>
    public TextSpan? Span { get; init; }

    /// <summary>The 1-based line and column of <see cref="Span"/>'s start in the document, when the document's text was read.</summary>
    public LinePosition? Position { get; init; }

    /// <inheritdoc />
    public override string ToString() => Field.Length == 0 ? Message : Field + ": " + Message;
}
