using System.Buffers;
using System.Text;
using System.Text.Json;
using Powers.Text;

namespace Powers.Cli.Output;

/// <summary>
/// How the tool prints JSON: through <see cref="Utf8JsonWriter"/> with <see cref="JsonOutputEncoder"/>, a document
/// indented by two spaces and followed by a new line, an NDJSON answer compact on one line.
/// </summary>
internal static class CliJson
{
    [ThreadStatic]
    private static LineState? t_line;

    /// <summary>Writes one indented document, then a new line.</summary>
    public static void WriteDocument(TextWriter output, JsonOutputEncoder encoder, Action<Utf8JsonWriter> write) => JsonText.WriteDocument(output, encoder, write);

    /// <summary>Writes one compact document and <c>\n</c>, through this thread's reused buffer and writer.</summary>
    public static void WriteLine<TState>(TextWriter output, TState state, Action<Utf8JsonWriter, TState> write)
    {
        var line = t_line ??= new LineState();
        line.Bytes.ResetWrittenCount();
        line.Writer.Reset(line.Bytes);
        write(line.Writer, state);
        line.Writer.Flush();
        line.Bytes.Write("\n"u8);
        Utf8StreamWriter.Write(output, line.Bytes.WrittenSpan);
    }

    /// <summary>A string as a JSON string (quoted), escaped as the documents escape it.</summary>
    public static string Quote(string value) => JsonText.Quote(value);

    private sealed class LineState
    {
        public ArrayBufferWriter<byte> Bytes { get; } = new(4096);

        public Utf8JsonWriter Writer { get; }

        public LineState() => Writer = new Utf8JsonWriter(Bytes, new JsonWriterOptions { Encoder = JsonOutputEncoder.Minimal, SkipValidation = true });
    }
}
