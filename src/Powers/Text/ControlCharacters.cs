using System.Globalization;
using System.Text;

namespace Powers.Text;

/// <summary>
/// Escapes what could forge or hide a line in text output and logs: C0 and C1 control characters (a line break
/// in an echoed name could print a fake <c>error PWR0000</c> line), the line and paragraph separators, and the
/// bidirectional overrides that reorder what a terminal shows (CVE-2021-42574, "Trojan Source").
/// </summary>
internal static class ControlCharacters
{
    /// <summary>The text with each such character written as <c>\n</c>, <c>\r</c>, <c>\t</c> or <c>\uXXXX</c>; unchanged (the same instance) when it has none.</summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        int first = 0;
        while (first < text.Length && !MustEscape(text[first]))
        {
            first++;
        }

        if (first == text.Length)
        {
            return text;
        }

        var escaped = new StringBuilder(text.Length + 8).Append(text, 0, first);
        for (int i = first; i < text.Length; i++)
        {
            char c = text[i];
            if (!MustEscape(c))
            {
                escaped.Append(c);
                continue;
            }

            escaped.Append(c switch
            {
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ => "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture),
            });
        }

        return escaped.ToString();
    }

    private static bool MustEscape(char c) =>
        c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == '\u2028' || c == '\u2029' || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
}
