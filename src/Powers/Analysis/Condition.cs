namespace Powers.Analysis;

/// <summary>
/// A condition being printed: a literal (one fact's condition), or an "and" / "or" of conditions. Printing adds the
/// parentheses the expression language needs ("and" binds tighter than "or") and no others.
/// </summary>
internal sealed class Condition
{
    private readonly string? _text;
    private readonly bool _textHasAnd;
    private readonly bool _isAnd;
    private readonly Condition[] _parts;

    private Condition(string? text, bool textHasAnd, bool isAnd, Condition[] parts)
    {
        _text = text;
        _textHasAnd = textHasAnd;
        _isAnd = isAnd;
        _parts = parts;
    }

    public static Condition True { get; } = new("true", false, false, []);

    /// <summary>A literal; <paramref name="hasAnd"/> when its text joins two comparisons with "and" at its top.</summary>
    public static Condition Literal(string text, bool hasAnd) => new(text, hasAnd, false, []);

    public static Condition All(IEnumerable<Condition> parts) => Join(true, parts);

    public static Condition Any(IEnumerable<Condition> parts) => Join(false, parts);

    public string Print(bool top)
    {
        if (_text is not null)
        {
            return _text;
        }

        var parts = _parts.Select(p => p.Needs(_isAnd) ? "(" + p.Print(false) + ")" : p.Print(false));
        return string.Join(_isAnd ? " and " : " or ", parts);
    }

    /// <summary>
    /// Whether this needs parentheses as an operand of an "and" (or of an "or"): a nested junction always has the other
    /// operator (joins of one operator are flattened); an "and" inside an "or" needs none to parse, but reads better so.
    /// </summary>
    private bool Needs(bool insideAnd) => _text is null || (!insideAnd && _textHasAnd);

    private static Condition Join(bool isAnd, IEnumerable<Condition> parts)
    {
        var flat = new List<Condition>();
        foreach (var part in parts)
        {
            if (part._text is null && part._isAnd == isAnd)
            {
                flat.AddRange(part._parts);
            }
            else if (!(isAnd && ReferenceEquals(part, True)))
            {
                flat.Add(part);
            }
        }

        return flat.Count switch
        {
            0 => True,
            1 => flat[0],
            _ => new Condition(null, false, isAnd, [.. flat]),
        };
    }
}
