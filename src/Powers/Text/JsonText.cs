using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Powers.Text;

/// <summary>
/// JSON as text for a <see cref="TextWriter"/>: a document written with <see cref="Utf8JsonWriter"/> and
/// <see cref="JsonOutputEncoder.Minimal"/>, indented by two spaces with the writer's new line, and a string quoted
/// and escaped the same way. What the diagnostics formatters and a counterexample's query write.
/// </summary>
internal static class JsonText
{
    /// <summary>Writes one indented document, then a new line.</summary>
    public static void WriteDocument(TextWriter output, JsonOutputEncoder encoder, Action<Utf8JsonWriter> write)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(write);
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = encoder, NewLine = output.NewLine }))
        {
            write(w);
        }

        output.Write(Encoding.UTF8.GetString(buffer.WrittenSpan));
        output.WriteLine();
    }

    /// <summary>A string as a JSON string (quoted), escaped as the documents escape it.</summary>
    public static string Quote(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var buffer = new ArrayBufferWriter<byte>(value.Length + 8);
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JsonOutputEncoder.Minimal }))
        {
            w.WriteStringValue(value);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
