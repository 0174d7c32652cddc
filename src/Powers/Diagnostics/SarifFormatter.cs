using Newtonsoft.Json;

namespace Powers.Diagnostics;

/// <summary>
/// Writes diagnostics as a SARIF 2.1.0 log, the format GitHub code scanning and the VS Code SARIF viewer read.
/// Paths are relative to <c>%SRCROOT%</c>; columns count UTF-16 code units, as the compiler does.
/// </summary>
public static class SarifFormatter
{
    /// <summary>Writes the log.</summary>
    /// <param name="output">Where to write.</param>
    /// <param name="diagnostics">The diagnostics.</param>
    /// <param name="toolVersion">The version of the tool.</param>
    /// <param name="sourceRoot">The absolute directory that relative paths start from, or null.</param>
    public static void Write(TextWriter output, IEnumerable<Diagnostic> diagnostics, string toolVersion, string? sourceRoot)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var rules = DiagnosticDescriptors.All;
        using var w = new JsonTextWriter(output) { Formatting = Formatting.Indented, CloseOutput = false };
        w.WriteStartObject();
        Property(w, "$schema", "https://json.schemastore.org/sarif-2.1.0.json");
        Property(w, "version", "2.1.0");
        w.WritePropertyName("runs");
        w.WriteStartArray();
        w.WriteStartObject();

        w.WritePropertyName("tool");
        w.WriteStartObject();
        w.WritePropertyName("driver");
        w.WriteStartObject();
        Property(w, "name", "powers");
        Property(w, "version", toolVersion);
        Property(w, "informationUri", "https://www.legislation.gov.uk/ukpga/2002/30/schedule/4");
        w.WritePropertyName("rules");
        w.WriteStartArray();
        foreach (var rule in rules)
        {
            w.WriteStartObject();
            Property(w, "id", rule.Id);
            Property(w, "name", DiagnosticHelp.Name(rule));
            string description = DiagnosticHelp.Describe(rule.Id) ?? rule.Title + ".";
            w.WritePropertyName("shortDescription");
            w.WriteStartObject();
            Property(w, "text", rule.Title + ".");
            w.WriteEndObject();
            w.WritePropertyName("fullDescription");
            w.WriteStartObject();
            Property(w, "text", description);
            w.WriteEndObject();
            w.WritePropertyName("help");
            w.WriteStartObject();
            Property(w, "text", description + " See " + DiagnosticHelp.HelpUri(rule).AbsoluteUri);
            Property(w, "markdown", description + " See [" + rule.Id + "](" + DiagnosticHelp.HelpUri(rule).AbsoluteUri + ").");
            w.WriteEndObject();
            Property(w, "helpUri", DiagnosticHelp.HelpUri(rule).AbsoluteUri);
            w.WritePropertyName("defaultConfiguration");
            w.WriteStartObject();
            Property(w, "level", Level(rule.Severity));
            w.WriteEndObject();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndObject();

        if (sourceRoot is not null)
        {
            w.WritePropertyName("originalUriBaseIds");
            w.WriteStartObject();
            w.WritePropertyName("%SRCROOT%");
            w.WriteStartObject();
            Property(w, "uri", new Uri(Path.GetFullPath(sourceRoot).TrimEnd('/') + "/").AbsoluteUri);
            w.WriteEndObject();
            w.WriteEndObject();
        }

        Property(w, "columnKind", "utf16CodeUnits");
        w.WritePropertyName("results");
        w.WriteStartArray();
        foreach (var d in diagnostics)
        {
            w.WriteStartObject();
            Property(w, "ruleId", d.Id);
            w.WritePropertyName("ruleIndex");
            w.WriteValue(IndexOf(rules, d.Descriptor));
            Property(w, "level", Level(d.Severity));
            w.WritePropertyName("message");
            w.WriteStartObject();
            Property(w, "text", d.Message);
            w.WriteEndObject();
            if (d.Location is { } location)
            {
                var start = location.Start;
                var end = location.End;
                bool rooted = Path.IsPathRooted(location.Path);
                string uri = rooted ? new Uri(location.Path).AbsoluteUri : Uri.EscapeDataString(location.Path).Replace("%2F", "/", StringComparison.Ordinal);
                WriteLocation(w, uri, !rooted && sourceRoot is not null, start.Line, (start.Column, end.Line, Math.Max(end.Column, end.Line == start.Line ? start.Column : 1)));
            }
            else
            {
                // GitHub code scanning rejects a result without a location; a library-wide diagnostic (a missing
                // catalogue file, a power no version confers) is placed at the root of the library, line 1.
                string uri = sourceRoot is null ? new Uri(Path.GetFullPath(".").TrimEnd('/') + "/").AbsoluteUri : "./";
                WriteLocation(w, uri, sourceRoot is not null, 1, null);
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteEndObject();
        w.Flush();
        output.WriteLine();
    }

    private static void WriteLocation(JsonWriter w, string uri, bool relativeToRoot, int startLine, (int StartColumn, int EndLine, int EndColumn)? rest)
    {
        w.WritePropertyName("locations");
        w.WriteStartArray();
        w.WriteStartObject();
        w.WritePropertyName("physicalLocation");
        w.WriteStartObject();
        w.WritePropertyName("artifactLocation");
        w.WriteStartObject();
        Property(w, "uri", uri);
        if (relativeToRoot)
        {
            Property(w, "uriBaseId", "%SRCROOT%");
        }

        w.WriteEndObject();
        w.WritePropertyName("region");
        w.WriteStartObject();
        Number(w, "startLine", startLine);
        if (rest is { } r)
        {
            Number(w, "startColumn", r.StartColumn);
            Number(w, "endLine", r.EndLine);
            Number(w, "endColumn", r.EndColumn);
        }

        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndArray();
    }

    private static int IndexOf(IReadOnlyList<DiagnosticDescriptor> rules, DiagnosticDescriptor descriptor)
    {
        for (int i = 0; i < rules.Count; i++)
        {
            if (ReferenceEquals(rules[i], descriptor))
            {
                return i;
            }
        }

        return -1;
    }

    private static string Level(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        _ => "note",
    };

    private static void Property(JsonWriter w, string name, string value)
    {
        w.WritePropertyName(name);
        w.WriteValue(value);
    }

    private static void Number(JsonWriter w, string name, int value)
    {
        w.WritePropertyName(name);
        w.WriteValue(value);
    }
}
