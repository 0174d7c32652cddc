using Powers.Text;

namespace Powers.Queries;

/// <summary>
/// A mistake in a query, naming the field (<c>facts.inUniform</c>, <c>date</c>, <c>designation.powers[1]</c>), with
/// a stable code to match on (docs/contract.md, "Query errors").
/// </summary>
public sealed class QueryError
{
    private readonly QueryErrorDescriptor _descriptor;

    internal QueryError(QueryErrorDescriptor descriptor, string field, string message, TextSpan? span = null, LinePosition? position = null)
    {
        _descriptor = descriptor;
        Field = field;
        Message = message;
        Span = span;
        Position = position;
    }

    /// <summary>
    /// The stable code of this kind of mistake, e.g. <c>PQ0105</c> (an unknown designation): what a program matches on.
    /// Codes are never reused; the list is in docs/contract.md.
    /// </summary>
    public string Code => _descriptor.Code;

    /// <summary>
    /// The kind of mistake in fixed words that quote nothing from the query (<c>unknown designation</c>): what to show
    /// where the caller's input must not be echoed back.
    /// </summary>
    public string Title => _descriptor.Title;

    /// <summary>The JSON path of the offending field (from command-line flags, the flag: <c>--date</c>).</summary>
    public string Field { get; }

    /// <summary>
    /// What is wrong, with a suggestion where one helps; it may quote the offending value. The same mistake gives the
    /// same message from a document, the fast path and flags.
    /// </summary>
    public string Message { get; }

    /// <summary>
    /// Where the offending value (or property name) is in the query document, by offset and length; null when the
    /// query did not come from a document (flags), or the mistake has no one place (a required field is missing).
    /// </summary>
    public TextSpan? Span { get; }

    /// <summary>The 1-based line and column of <see cref="Span"/>'s start in the document, when the document's text was read.</summary>
    public LinePosition? Position { get; }

    internal QueryErrorDescriptor Descriptor => _descriptor;

    /// <summary>This error placed at a line and column of its document.</summary>
    internal QueryError At(LinePosition position) => new(_descriptor, Field, Message, Span, position);

    /// <inheritdoc />
    public override string ToString() => Field.Length == 0 ? Message : Field + ": " + Message;
}
