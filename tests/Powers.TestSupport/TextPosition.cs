namespace Powers.TestSupport;

/// <summary>Finds the 1-based line and column of a token in a test's own text, so expected positions are stated by what they point at.</summary>
public static class TextPosition
{
    public static (int Line, int Column) Of(string text, string token, int occurrence = 1)
    {
        int index = -1;
        for (int i = 0; i < occurrence; i++)
        {
            index = text.IndexOf(token, index + 1, StringComparison.Ordinal);
            if (index < 0)
            {
                throw new ArgumentException("'" + token + "' does not occur " + occurrence + " time(s) in the text");
            }
        }

        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < index; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return (line, index - lineStart + 1);
    }
}
