using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Powers.Text;

namespace Powers.Diagnostics;

/// <summary>
/// Writes diagnostics as a SARIF 2.1.0 log, as GitHub code scanning and the VS Code SARIF viewer read it: every
/// file's URI relative to <c>%SRCROOT%</c> (declared in <c>originalUriBaseIds</c> without a machine path), a
/// <c>partialFingerprints</c> entry that survives lines moving, <c>automationDetails</c>, an invocation with the exit
/// code, and a <c>helpUri</c> per rule into <c>docs/diagnostics.md</c>. Columns count UTF-16 code units, as the compiler does.
/// </summary>
internal static class SarifFormatter
{
    /// <summary>Writes the log.</summary>
    /// <param name="output">Where to write.</param>
    /// <param name="diagnostics">The diagnostics.</param>
    /// <param name="toolVersion">The version of the tool.</param>
    /// <param name="sourceRoot">The directory that <c>%SRCROOT%</c> stands for (a repository's root), which every file's URI is relative to; null for the current directory. It is never written.</param>
    public static void Write(TextWriter output, IEnumerable<Diagnostic> diagnostics, string toolVersion, string? sourceRoot)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var rules = DiagnosticDescriptors.All;
        var list = diagnostics.ToList();
        string root = Path.GetFullPath(sourceRoot ?? Environment.CurrentDirectory);
        JsonText.WriteDocument(output, JsonOutputEncoder.Minimal, w => WriteLog(w, rules, list, toolVersion, root));
    }

    private static void WriteLog(Utf8JsonWriter w, IReadOnlyList<DiagnosticDescriptor> rules, List<Diagnostic> list, string toolVersion, string root)
    {
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

        // The category code scanning files these results under; the trailing '/' leaves the run id to it.
        w.WritePropertyName("automationDetails");
        w.WriteStartObject();
        Property(w, "id", "powers/check/");
        w.WriteEndObject();
        w.WritePropertyName("invocations");
        w.WriteStartArray();
        w.WriteStartObject();
        w.WriteBoolean("executionSuccessful", true);
        Number(w, "exitCode", list.Any(d => d.Severity == DiagnosticSeverity.Error) ? 1 : 0);
        w.WriteEndObject();
        w.WriteEndArray();
        w.WritePropertyName("originalUriBaseIds");
        w.WriteStartObject();
        w.WritePropertyName("%SRCROOT%");
        w.WriteStartObject();
        w.WritePropertyName("description");
        w.WriteStartObject();
        Property(w, "text", "The root of the repository (the nearest folder with .git above where powers check ran, or that folder).");
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndObject();
        Property(w, "columnKind", "utf16CodeUnits");
        w.WritePropertyName("results");
        w.WriteStartArray();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var d in list)
        {
            w.WriteStartObject();
            Property(w, "ruleId", d.Id);
            Number(w, "ruleIndex", IndexOf(rules, d.Descriptor));
            Property(w, "level", Level(d.Severity));
            w.WritePropertyName("message");
            w.WriteStartObject();
            Property(w, "text", d.Message);
            w.WriteEndObject();
            string uri;
            string text;
            if (d.Location is { } location)
            {
                var start = location.Start;
                var end = location.End;
                uri = RelativeUri(root, location.Path);
                text = location.Source.GetText(location.Span);
                WriteLocation(w, uri, start.Line, (start.Column, end.Line, Math.Max(end.Column, end.Line == start.Line ? start.Column : 1)));
            }
            else
            {
                // GitHub code scanning rejects a result without a location; a library-wide diagnostic (a missing
                // catalogue file, a power no version confers) is placed at the root, line 1.
                uri = "./";
                text = d.Message;
                WriteLocation(w, uri, 1, null);
            }

            WriteFingerprint(w, d.Id, uri, text, seen);

            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>
    /// An identity for the result that code scanning matches across commits: the rule, the file, the text it points at
    /// and which occurrence of that text it is; no line number, so an alert survives lines added above it.
    /// (<c>primaryLocationLineHash</c> is GitHub's own key, computed by its upload action; this one sits beside it.)
    /// </summary>
    private static void WriteFingerprint(Utf8JsonWriter w, string ruleId, string uri, string text, Dictionary<string, int> seen)
    {
        string key = ruleId + "\0" + uri + "\0" + text;
        int occurrence = seen.GetValueOrDefault(key);
        seen[key] = occurrence + 1;
        byte[] hash = SHA256.HashData(Encoding.UTF8.GetBytes(key + "\0" + occurrence.ToString(CultureInfo.InvariantCulture)));
        w.WritePropertyName("partialFingerprints");
        w.WriteStartObject();
        Property(w, "powersResult/v1", Convert.ToHexStringLower(hash.AsSpan(0, 16)));
        w.WriteEndObject();
    }

    /// <summary>A path as a URI relative to the root, with forward slashes and each segment escaped; never a machine path.</summary>
    private static string RelativeUri(string root, string path)
    {
        string relative = Path.GetRelativePath(root, Path.GetFullPath(path)).Replace('\\', '/');
        return string.Join('/', relative.Split('/').Select(Uri.EscapeDataString));
    }

    private static void WriteLocation(Utf8JsonWriter w, string uri, int startLine, (int StartColumn, int EndLine, int EndColumn)? rest)
    {
        w.WritePropertyName("locations");
        w.WriteStartArray();
        w.WriteStartObject();
        w.WritePropertyName("physicalLocation");
        w.WriteStartObject();
        w.WritePropertyName("artifactLocation");
        w.WriteStartObject();
        Property(w, "uri", uri);
        Property(w, "uriBaseId", "%SRCROOT%");

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

    private static void Property(Utf8JsonWriter w, string name, string value) => w.WriteString(name, value);

    private static void Number(Utf8JsonWriter w, string name, int value) => w.WriteNumber(name, value);
}
