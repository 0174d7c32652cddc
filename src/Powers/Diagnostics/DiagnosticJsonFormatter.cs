using Powers.Text;

namespace Powers.Diagnostics;

/// <summary>Writes diagnostics as a JSON array: id, severity, message, path, 1-based line and column, end.</summary>
internal static class DiagnosticJsonFormatter
{
    /// <summary>Writes the array.</summary>
    public static void Write(TextWriter output, IEnumerable<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(diagnostics);
        JsonText.WriteDocument(output, JsonOutputEncoder.Minimal, w =>
        {
            w.WriteStartArray();
            foreach (var d in diagnostics)
            {
                w.WriteStartObject();
                w.WriteString("id", d.Id);
                w.WriteString("severity", MsBuildFormatter.SeverityName(d.Severity));
                w.WriteString("message", d.Message);
                if (d.Location is { } location)
                {
                    var start = location.Start;
                    var end = location.End;
                    w.WriteString("path", location.Path);
                    w.WriteNumber("line", start.Line);
                    w.WriteNumber("column", start.Column);
                    w.WriteNumber("endLine", end.Line);
                    w.WriteNumber("endColumn", end.Column);
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
        });
    }
}
