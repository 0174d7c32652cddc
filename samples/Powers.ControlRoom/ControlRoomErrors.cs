using System.Text;
using System.Text.Json;
using Powers.Binding;
using Powers.Queries;

namespace Powers.ControlRoom;

/// <summary>
/// The sample's error answers: <c>{"errors": [{"code": ..., "field": ..., "line": ..., "column": ..., "message": ...}]}</c>. Nothing
/// the caller sent is echoed and no path on this machine is shown: the engine's own messages quote the caller's
/// values (<c>unknown designation 'x'</c>) and a record sink's name its file, which suits a terminal, not a network
/// answer. The code (a query error's stable <c>PQxxxx</c>, docs/contract.md) and its fixed title say what kind of
/// mistake, the field (the query's JSON path, given only as far as its names are the query format's or the library's)
/// and the position say where; <c>powers query --input FILE</c> on the same document prints the full message, and the
/// host's log has the sink's reason.
/// </summary>
internal static class ControlRoomErrors
{
    /// <summary>The query format's own property names: any other name in a field came from the caller.</summary>
    private static readonly HashSet<string> QueryNames = new(StringComparer.Ordinal)
    {
        "date", "ruleset", "designation", "force", "powers", "made", "facts", "restrictions", "id", "power", "when", "text", "cite", "situation",
    };

    /// <summary>One error of the sample's own: <paramref name="code"/>, at <paramref name="field"/>, with a fixed message (never the caller's text).</summary>
    public static string One(string code, string field, string message) => Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("code", code);
        w.WriteString("field", field);
        w.WriteString("message", message);
        w.WriteEndObject();
    });

    /// <summary>The mistakes in a query document, by code, field and position (1-based line and column) and the code's title, without its text.</summary>
    public static string Query(IReadOnlyList<QueryError> errors, FactSchema schema) => Write(w =>
    {
        foreach (var error in errors)
        {
            w.WriteStartObject();
            w.WriteString("code", error.Code);
            w.WriteString("field", KnownPart(error.Field, schema));
            if (error.Position is { } at)
            {
                w.WriteNumber("line", at.Line);
                w.WriteNumber("column", at.Column);
            }

            w.WriteString("message", error.Title);
            w.WriteEndObject();
        }
    });

    /// <summary>
    /// The field's path up to its first name that is neither the query format's nor a fact of the library (so it came
    /// from the caller): <c>facts.inUniform</c> whole, <c>facts.&lt;anything else&gt;</c> as <c>facts</c>.
    /// </summary>
    internal static string KnownPart(string field, FactSchema schema)
    {
        var kept = new StringBuilder();
        int at = 0;
        while (at < field.Length)
        {
            int end = field.IndexOfAny(['.', '['], at + 1);
            end = end < 0 ? field.Length : end;
            string segment = field[at..end];
            string name = segment.TrimStart('.');
            bool known = segment.StartsWith('[')
                ? segment.Length > 2 && segment[^1] == ']' && segment[1..^1].All(char.IsAsciiDigit)
                : QueryNames.Contains(name) || schema.TryGet(name, out _);
            if (!known || (at == 0 && segment.StartsWith('.')))
            {
                break;
            }

            kept.Append(segment);
            at = end;
        }

        return kept.ToString();
    }

    private static string Write(Action<Utf8JsonWriter> errors)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("errors");
            errors(writer);
            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
