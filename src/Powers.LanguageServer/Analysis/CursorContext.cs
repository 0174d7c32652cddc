namespace Powers.LanguageServer.Analysis;

/// <summary>
/// Where a cursor sits in a JSON document that may be half typed: the path of the container around it ("[]" for
/// an array), whether it is inside a string, whether that string (or the spot) is a property name, and the
/// property that owns the value being typed.
/// </summary>
/// <param name="Path">Segments from the root to the container holding the cursor.</param>
/// <param name="InString">Whether the cursor is inside a string.</param>
/// <param name="StringStart">The offset just after the opening quote, when in a string.</param>
/// <param name="IsKey">Whether a property name is being typed (in a string or where one is expected).</param>
/// <param name="Owner">The property whose value (or array item) is being typed, or null.</param>
/// <param name="InArray">Whether the value being typed is an item of an array.</param>
internal sealed record CursorContext(IReadOnlyList<string> Path, bool InString, int StringStart, bool IsKey, string? Owner, bool InArray);
