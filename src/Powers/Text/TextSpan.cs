namespace Powers.Text;

/// <summary>A range of characters in a <see cref="SourceText"/>, by offset and length.</summary>
public readonly record struct TextSpan(int Start, int Length)
{
    /// <summary>The offset just past the span.</summary>
    public int End => Start + Length;

    /// <summary>Creates a span from a start and an end offset.</summary>
    public static TextSpan FromBounds(int start, int end) => new(start, Math.Max(0, end - start));
}
