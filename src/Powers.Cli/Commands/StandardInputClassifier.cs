using System.Text;
using Powers.Diagnostics;
using Powers.Syntax.Json;

namespace Powers.Cli.Commands;

/// <summary>
/// Tells one query document on standard input from NDJSON without losing or shifting a line. The input is one
/// document when all of it is one JSON document (over any number of lines), or when it is a single line;
/// anything else is NDJSON, where every line, blank and malformed ones included, gets one result line in place.
/// It reads ahead only as far as needed: a complete first line followed by another non-blank line is NDJSON at
/// once, and so is text that can no longer be the start of one document.
/// </summary>
internal static class StandardInputClassifier
{
    /// <summary>Past this much text still short of a whole document, the input is taken as NDJSON.</summary>
    private const int MaxDocumentChars = 1 << 20;

    /// <summary>
    /// Reads ahead and returns true for NDJSON, with the lines read ahead given back to <paramref name="lines"/>;
    /// false for one document, then <paramref name="document"/> is all of the input.
    /// </summary>
    public static bool IsNdjson(NdjsonLineReader lines, out string document)
    {
        var ahead = new List<string>();
        var text = new StringBuilder();
        var shape = Shape.Prefix;
        int nextCheck = 1;
        while (lines.TryRead(out var span))
        {
            string line = span.ToString();
            ahead.Add(line);
            if (shape == Shape.Broken || (shape == Shape.Complete && line.AsSpan().Trim().Length > 0))
            {
                return GiveBack(lines, ahead, out document);
            }

            if (ahead.Count > 1)
            {
                text.Append('\n');
            }

            text.Append(line);
            if (text.Length > MaxDocumentChars)
            {
                return GiveBack(lines, ahead, out document);
            }

            // Checked at lines 1, 2, 4, 8, ...: any text after a whole document, or a syntax error, is still found,
            // and a long document is parsed a logarithmic number of times, not once per line.
            if (ahead.Count == nextCheck)
            {
                shape = ShapeOf(text.ToString());
                nextCheck *= 2;
            }
        }

        if (ahead.Count <= 1 || ShapeOf(text.ToString()) == Shape.Complete)
        {
            document = text.ToString();
            return false;
        }

        return GiveBack(lines, ahead, out document);
    }

    private static bool GiveBack(NdjsonLineReader lines, List<string> ahead, out string document)
    {
        lines.Unread(ahead);
        document = string.Empty;
        return true;
    }

    private static Shape ShapeOf(string text)
    {
        var diagnostics = new DiagnosticBag();
        if (JsonParser.Parse(new Text.SourceText("<stdin>", text), diagnostics) is not null)
        {
            return Shape.Complete;
        }

        var errors = diagnostics.ToSortedList();
        return errors.Count > 0 && errors.All(static d => ReferenceEquals(d.Descriptor, DiagnosticDescriptors.JsonUnexpectedEnd)) ? Shape.Prefix : Shape.Broken;
    }

    private enum Shape
    {
        /// <summary>The text could still become one document.</summary>
        Prefix,

        /// <summary>The text is one whole document.</summary>
        Complete,

        /// <summary>The text cannot be one document.</summary>
        Broken,
    }
}
