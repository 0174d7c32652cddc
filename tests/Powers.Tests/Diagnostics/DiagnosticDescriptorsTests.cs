using System.Reflection;
using System.Text.RegularExpressions;
using Powers.Diagnostics;
using Powers.Tests.TestSupport;

namespace Powers.Tests.Diagnostics;

/// <summary>
/// The catalogue checks itself: every descriptor listed once, ids unique and well formed, retired ids never back,
/// every id reported by the code, covered by a test, described, and documented. (This would have caught PWR0209,
/// PWR0303 and PWR0313, which were catalogued and never reported.)
/// </summary>
public partial class DiagnosticDescriptorsTests
{
    private static readonly string Root = RepositorySources.Root;

    private static List<(string Field, DiagnosticDescriptor Descriptor)> Fields { get; } =
        typeof(DiagnosticDescriptors).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
            .Select(f => (f.Name, (DiagnosticDescriptor)f.GetValue(null)!))
            .ToList();

    [Fact]
    public void All_ListsEveryDescriptorOnce()
    {
        Assert.Equal(Fields.Count, DiagnosticDescriptors.All.Count);
        Assert.Equal(Fields.Select(f => f.Descriptor.Id).Order(), DiagnosticDescriptors.All.Select(d => d.Id).Order());
        Assert.Equal(DiagnosticDescriptors.All.Count, DiagnosticDescriptors.All.Select(d => d.Id).Distinct().Count());
    }

    [Fact]
    public void Ids_WellFormedAndNeverARetiredOne()
    {
        string catalogue = File.ReadAllText(Path.Combine(Root, "src/Powers/Diagnostics/DiagnosticDescriptors.cs"));
        var retired = RetiredId().Matches(catalogue).Select(m => m.Groups[1].Value).ToList();
        Assert.Contains("PWR0209", retired);
        foreach (var d in DiagnosticDescriptors.All)
        {
            Assert.Matches("^PWR0[0-4][0-9][0-9]$", d.Id);
            Assert.DoesNotContain(d.Id, retired);
        }
    }

    [Fact]
    public void EveryDescriptor_IsReportedByTheCode()
    {
        string code = RepositorySources.ReadAll("src", "DiagnosticDescriptors.cs");
        var unreported = Fields.Where(f => !Regex.IsMatch(code, @"\b" + f.Field + @"\b")).Select(f => f.Descriptor.Id + " " + f.Field).ToList();
        Assert.True(unreported.Count == 0, "Catalogued but never reported (retire them in a comment): " + string.Join(", ", unreported));
    }

    [Fact]
    public void EveryDescriptor_IsCoveredByATest()
    {
        string tests = RepositorySources.ReadAll("tests", nameof(DiagnosticDescriptorsTests) + ".cs");
        var untested = Fields.Where(f => !tests.Contains("\"" + f.Descriptor.Id + "\"", StringComparison.Ordinal) && !Regex.IsMatch(tests, @"\." + f.Field + @"\b"))
            .Select(f => f.Descriptor.Id + " " + f.Field).ToList();
        Assert.True(untested.Count == 0, "No test reports these diagnostics: " + string.Join(", ", untested));
    }

    [Fact]
    public void EveryDescriptor_IsDescribedAndDocumented()
    {
        string docs = File.ReadAllText(Path.Combine(Root, "docs/diagnostics.md"));
        foreach (var d in DiagnosticDescriptors.All)
        {
            string? description = DiagnosticHelp.Describe(d.Id);
            Assert.False(string.IsNullOrWhiteSpace(description), d.Id + " has no description in DiagnosticHelp");
            Assert.EndsWith(".", description, StringComparison.Ordinal);
            Assert.Contains("\n<a id=\"" + d.Id + "\"></a>\n\n## " + d.Id + " " + DiagnosticHelp.Name(d) + "\n", docs, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("File cannot be read", "FileCannotBeRead")]
    [InlineData("Low-confidence rule", "LowConfidenceRule")]
    [InlineData("Invalid UTF-8", "InvalidUTF8")]
    public void Name_Title_PascalCaseIdentifier(string title, string name)
    {
        Assert.Equal(name, DiagnosticHelp.Name(new DiagnosticDescriptor("PWR0000", title, "{0}", DiagnosticSeverity.Error)));
    }

    [GeneratedRegex(@"// (PWR[0-9]{4}) retired")]
    private static partial Regex RetiredId();
}
