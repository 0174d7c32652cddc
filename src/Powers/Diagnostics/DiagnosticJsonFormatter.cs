using Newtonsoft.Json;

namespace Powers.Diagnostics;

/// <summary>Writes diagnostics as a JSON array: id, severity, message, path, 1-based line and column, end.</summary>
internal static class DiagnosticJsonFormatter
{
    /// <summary>Writes the array.</summary>
    public static void Write(TextWriter output, IEnumerable<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(diagnostics);
        using var w = new JsonTextWriter(output) { Formatting = Formatting.Indented, CloseOutput = false };
        w.WriteStartArray();
        foreach (var d in diagnostics)
        {
            w.WriteStartObject();
            w.WritePropertyName("id");
            w.WriteValue(d.Id);
            w.WritePropertyName("severity");
            w.WriteValue(MsBuildFormatter.SeverityName(d.Severity));
            w.WritePropertyName("message");
            w.WriteValue(d.Message);
            if (d.Location is { } location)
            {
                var start = location.Start;
                var end = location.End;
                w.WritePropertyName("path");
                w.WriteValue(location.Path);
                w.WritePropertyName("line");
                w.WriteValue(start.Line);
                w.WritePropertyName("column");
                w.WriteValue(start.Column);
                w.WritePropertyName("endLine");
                w.WriteValue(end.Line);
                w.WritePropertyName("endColumn");
                w.WriteValue(end.Column);
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.Flush();
        output.WriteLine();
    }
}
