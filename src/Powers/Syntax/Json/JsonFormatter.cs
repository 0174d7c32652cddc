using System.Text;
using Powers.Diagnostics;
using Powers.Text;

namespace Powers.Syntax.Json;

/// <summary>
/// The one layout of a rule file (<c>powers fmt</c>, and the language server's formatting): two-space indent, one
/// property or item per line, <c>"name": value</c>, <c>{}</c> and <c>[]</c> when empty, LF line breaks and one at the
/// end. Property order and the text of every string and number (escapes included) are kept exactly, so the compiled
/// library does not change. Built on <see cref="JsonParser"/>: a text that does not parse, or that holds a duplicate
/// property (the tree keeps only the first), is never rewritten.
/// </summary>
internal static class JsonFormatter
{
    private const string Indent = "  ";

    /// <summary>The canonical text, or null when the text does not parse.</summary>
    public static string? Format(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Format(new SourceText(string.Empty, text), new DiagnosticBag());
    }

    /// <summary>The canonical text, or null when the text does not parse; why it does not goes to <paramref name="diagnostics"/>.</summary>
    public static string? Format(SourceText source, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var parsed = new DiagnosticBag();
        var root = JsonParser.Parse(source, parsed);
        diagnostics.AddRange(parsed.ToSortedList());
        if (root is null || parsed.HasErrors)
        {
            return null;
        }

        string text = source.Text;
        var output = new StringBuilder(text.Length + (text.Length / 8));
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            output.Append('\uFEFF');
        }

        Write(output, text, root, 0);
        output.Append('\n');
        return output.ToString();
    }

    // Depth is bounded by the parser (JsonParser.MaxDepth), so the recursion is too.
    private static void Write(StringBuilder output, string text, JsonNode node, int depth)
    {
        switch (node)
        {
            case JsonObject obj when obj.Properties.Count > 0:
                output.Append("{\n");
                for (int i = 0; i < obj.Properties.Count; i++)
                {
                    var property = obj.Properties[i];
                    AppendIndent(output, depth + 1);
                    output.Append(text, property.NameSpan.Start, property.NameSpan.Length).Append(": ");
                    Write(output, text, property.Value, depth + 1);
                    output.Append(i < obj.Properties.Count - 1 ? ",\n" : "\n");
                }

                AppendIndent(output, depth);
                output.Append('}');
                break;
            case JsonObject:
                output.Append("{}");
                break;
            case JsonArray array when array.Items.Count > 0:
                output.Append("[\n");
                for (int i = 0; i < array.Items.Count; i++)
                {
                    AppendIndent(output, depth + 1);
                    Write(output, text, array.Items[i], depth + 1);
                    output.Append(i < array.Items.Count - 1 ? ",\n" : "\n");
                }

                AppendIndent(output, depth);
                output.Append(']');
                break;
            case JsonArray:
                output.Append("[]");
                break;
            default:
                output.Append(text, node.Span.Start, node.Span.Length);
                break;
        }
    }

    private static void AppendIndent(StringBuilder output, int depth)
    {
        for (int i = 0; i < depth; i++)
        {
            output.Append(Indent);
        }
    }
}
