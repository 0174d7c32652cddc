namespace Powers.Text;

/// <summary>
/// The text of one file with its path. Line and column are computed on demand from a table of line starts,
/// so spans stay cheap offsets until a diagnostic is printed.
/// </summary>
public sealed class SourceText
{
    private readonly int[] _lineStarts;

    /// <summary>Creates a source text.</summary>
    public SourceText(string path, string text)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(text);
        Path = path;
        Text = text;
        _lineStarts = ComputeLineStarts(text);
    }

    /// <summary>The path as it is shown in diagnostics (forward slashes, relative to the library root).</summary>
    public string Path { get; }

    /// <summary>The whole text.</summary>
    public string Text { get; }

    /// <summary>The number of characters.</summary>
    public int Length => Text.Length;

    /// <summary>The 1-based line and column of an offset (clamped into the text).</summary>
    public LinePosition GetLinePosition(int offset)
    {
        offset = Math.Clamp(offset, 0, Text.Length);
        if (offset > 0 && offset < Text.Length && Text[offset] == '\n' && Text[offset - 1] == '\r')
        {
            // Between the CR and LF of one line break: still the end of that line, not a column past it.
            offset--;
        }

        int index = Array.BinarySearch(_lineStarts, offset);
        int line = index >= 0 ? index : ~index - 1;
        return new LinePosition(line + 1, offset - _lineStarts[line] + 1);
    }

    /// <summary>
    /// The offset of a 1-based line and column, clamped into the text: a column past the end of its line gives the
    /// line's end (before its line break), a line past the last gives the end of the text. Editors send positions.
    /// </summary>
    public int GetOffset(LinePosition position)
    {
        if (position.Line < 1)
        {
            return 0;
        }

        if (position.Line > _lineStarts.Length)
        {
            return Text.Length;
        }

        int start = _lineStarts[position.Line - 1];
        int end = position.Line < _lineStarts.Length ? _lineStarts[position.Line] : Text.Length;
        while (end > start && (Text[end - 1] == '\n' || Text[end - 1] == '\r'))
        {
            end--;
        }

        return Math.Clamp(start + position.Column - 1, start, end);
    }

    /// <summary>The text of a span (clamped into the text).</summary>
    public string GetText(TextSpan span)
    {
        int start = Math.Clamp(span.Start, 0, Text.Length);
        int end = Math.Clamp(span.End, start, Text.Length);
        return Text[start..end];
    }

    private static int[] ComputeLineStarts(string text)
    {
        var starts = new List<int> { 0 };
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '\r')
            {
                if (i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                starts.Add(i + 1);
            }
            else if (c == '\n')
            {
                starts.Add(i + 1);
            }
        }

        return [.. starts];
    }
}
