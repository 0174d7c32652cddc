namespace Powers.LanguageServer.Tests;

/// <summary>
/// Test markup the Roslyn way: <c>$$</c> marks the cursor and <c>[|...|]</c> marks expected spans; both are removed
/// from the text, and positions are computed on the clean text.
/// </summary>
internal sealed record Markup(string Text, int Cursor, IReadOnlyList<(int Start, int End)> Spans)
{
    public static Markup Parse(string marked)
    {
        var text = new System.Text.StringBuilder();
        var spans = new List<(int, int)>();
        var open = new Stack<int>();
        int cursor = -1;
        for (int i = 0; i < marked.Length; i++)
        {
            if (string.CompareOrdinal(marked, i, "$$", 0, 2) == 0)
            {
                cursor = text.Length;
                i++;
            }
            else if (string.CompareOrdinal(marked, i, "[|", 0, 2) == 0)
            {
                open.Push(text.Length);
                i++;
            }
            else if (string.CompareOrdinal(marked, i, "|]", 0, 2) == 0)
            {
                spans.Add((open.Pop(), text.Length));
                i++;
            }
            else
            {
                text.Append(marked[i]);
            }
        }

        return new Markup(text.ToString(), cursor, spans);
    }

    /// <summary>A zero-based (line, character) of an offset of the clean text.</summary>
    public (int Line, int Character) PositionOf(int offset)
    {
        int line = 0;
        int lineStart = 0;
        for (int i = 0; i < offset; i++)
        {
            if (Text[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return (line, offset - lineStart);
    }
}
