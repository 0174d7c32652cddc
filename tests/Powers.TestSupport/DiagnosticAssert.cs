using System.Text;
using Powers.Diagnostics;
using Xunit;

namespace Powers.TestSupport;

/// <summary>
/// Roslyn-style diagnostic verification: every expected diagnostic must be reported exactly (id, path, line,
/// column, squiggled text, message) and nothing else of at least the given severity. On failure it prints the
/// actual diagnostics ready to paste.
/// </summary>
public static class DiagnosticAssert
{
    public static void Verify(IEnumerable<Diagnostic> actual, params ExpectedDiagnostic[] expected) =>
        Verify(actual, DiagnosticSeverity.Warning, expected);

    public static void Verify(IEnumerable<Diagnostic> actual, DiagnosticSeverity least, params ExpectedDiagnostic[] expected)
    {
        var shown = actual.Where(d => d.Severity >= least).ToList();
        bool ok = shown.Count == expected.Length;
        for (int i = 0; ok && i < expected.Length; i++)
        {
            ok = Matches(shown[i], expected[i]);
        }

        if (!ok)
        {
            Assert.Fail("Diagnostics differ. Expected:" + Environment.NewLine + string.Join(Environment.NewLine, expected.Select(e => "  " + e))
                + Environment.NewLine + "Actual (paste-ready):" + Environment.NewLine + Paste(shown));
        }
    }

    private static bool Matches(Diagnostic d, ExpectedDiagnostic e)
    {
        if (d.Id != e.Id || d.Location is not { } location || location.Path != e.Path)
        {
            return false;
        }

        var start = location.Start;
        return start.Line == e.Line && start.Column == e.Column
            && (e.Squiggle is null || location.Source.GetText(location.Span) == e.Squiggle)
            && (e.Message is null || d.Message == e.Message);
    }

    private static string Paste(List<Diagnostic> diagnostics)
    {
        var b = new StringBuilder();
        foreach (var d in diagnostics)
        {
            if (d.Location is { } l)
            {
                var s = l.Start;
                b.Append("  new(\"").Append(d.Id).Append("\", \"").Append(l.Path).Append("\", ").Append(s.Line).Append(", ").Append(s.Column)
                    .Append(", \"").Append(l.Source.GetText(l.Span).Replace("\"", "\\\"", StringComparison.Ordinal)).Append("\", \"")
                    .Append(d.Message.Replace("\"", "\\\"", StringComparison.Ordinal)).AppendLine("\"),");
            }
            else
            {
                b.Append("  ").AppendLine(d.ToString());
            }
        }

        return b.ToString();
    }
}
