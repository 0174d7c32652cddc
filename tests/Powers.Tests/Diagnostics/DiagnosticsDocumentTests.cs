using System.Text;
using System.Text.RegularExpressions;
using Powers.Diagnostics;
using Powers.Tests.TestSupport;

namespace Powers.Tests.Diagnostics;

/// <summary>
/// <c>docs/diagnostics.md</c> is written from the catalogue (<c>DiagnosticDescriptors</c> and <c>DiagnosticHelp</c>), one
/// anchor per id, which every SARIF <c>helpUri</c> points at; this test fails when the file and the catalogue differ.
/// <c>POWERS_WRITE_DOCS=1</c> writes the file instead.
/// </summary>
public sealed partial class DiagnosticsDocumentTests
{
    private static readonly string Root = Path.GetDirectoryName(RepositoryRules.Directory)!;

    private static string DocumentPath => Path.Combine(Root, "docs", "diagnostics.md");

    [Fact]
    public void DiagnosticsMd_WrittenFromTheCatalogue_Matches()
    {
        string expected = Render();
        if (Environment.GetEnvironmentVariable("POWERS_WRITE_DOCS") == "1")
        {
            File.WriteAllText(DocumentPath, expected);
        }

        Assert.True(File.Exists(DocumentPath) && File.ReadAllText(DocumentPath) == expected,
            "docs/diagnostics.md differs from the catalogue; run POWERS_WRITE_DOCS=1 dotnet test tests/Powers.Tests --filter DiagnosticsDocumentTests and review the diff");
    }

    [Fact]
    public void HelpUri_EveryRule_IsAnAnchorOfTheDocument()
    {
        string document = File.ReadAllText(DocumentPath);
        foreach (var d in DiagnosticDescriptors.All)
        {
            var uri = DiagnosticHelp.HelpUri(d);
            Assert.Equal("https://github.com/powers-contributors/powers/blob/main/docs/diagnostics.md#" + d.Id, uri.AbsoluteUri);
            Assert.Single(AnchorOf(d.Id).Matches(document));
        }
    }

    private static Regex AnchorOf(string id) => new("<a id=\"" + id + "\"></a>", RegexOptions.CultureInvariant);

    private static string Render()
    {
        string catalogue = File.ReadAllText(Path.Combine(Root, "src/Powers/Diagnostics/DiagnosticDescriptors.cs"));
        var b = new StringBuilder();
        b.Append("# Diagnostics\n\n");
        b.Append("Every diagnostic that `powers check` and the language server report, by id. Ids are stable and never reused.\n");
        b.Append("Each entry has the anchor of its id (`docs/diagnostics.md#PWR0201`), which SARIF output gives as the rule's\n");
        b.Append("`helpUri`. This file is written from the catalogue, `src/Powers/Diagnostics/DiagnosticDescriptors.cs` and\n");
        b.Append("`DiagnosticHelp.cs`, by a test that fails when they differ: change those, then run\n");
        b.Append("`POWERS_WRITE_DOCS=1 dotnet test tests/Powers.Tests --filter DiagnosticsDocumentTests`.\n\n");
        b.Append("| id | name | severity | title |\n|---|---|---|---|\n");
        foreach (var d in DiagnosticDescriptors.All.OrderBy(d => d.Id, StringComparer.Ordinal))
        {
            b.Append("| [").Append(d.Id).Append("](#").Append(d.Id).Append(") | ").Append(DiagnosticHelp.Name(d)).Append(" | ")
                .Append(Severity(d)).Append(" | ").Append(d.Title).Append(" |\n");
        }

        foreach (var d in DiagnosticDescriptors.All.OrderBy(d => d.Id, StringComparer.Ordinal))
        {
            b.Append('\n').Append("<a id=\"").Append(d.Id).Append("\"></a>\n\n");
            b.Append("## ").Append(d.Id).Append(' ').Append(DiagnosticHelp.Name(d)).Append("\n\n");
            b.Append("**").Append(d.Title).Append("** (").Append(Severity(d)).Append("). ").Append(DiagnosticHelp.Describe(d.Id)).Append("\n\n");
            b.Append("The message: `").Append(d.MessageFormat).Append("`\n");
        }

        var retired = Retired().Matches(catalogue).Select(m => m.Groups[1].Value + " (" + m.Groups[2].Value.TrimEnd('.') + ")").ToList();
        b.Append("\n## Retired ids\n\nNever reported again, never reused: ").Append(string.Join("; ", retired)).Append(".\n");
        return b.ToString();
    }

    private static string Severity(DiagnosticDescriptor d) => d.Severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        _ => "info",
    };

    [GeneratedRegex(@"// (PWR[0-9]{4}) retired unused: (.*)")]
    private static partial Regex Retired();
}
