using System.Reflection;
using System.Text.RegularExpressions;
using Powers.Queries;
using Powers.Tests.TestSupport;

namespace Powers.Tests.Queries;

/// <summary>
/// The query-error catalogue checks itself as the diagnostics' does: every descriptor listed once, codes unique and
/// well formed, retired codes never back, every code given by the code, produced by a test, and documented in
/// docs/contract.md ("Query errors") with its title, and that table lists nothing else.
/// </summary>
public sealed partial class QueryErrorDescriptorsTests
{
    private static readonly string Root = RepositorySources.Root;

    private static List<(string Field, QueryErrorDescriptor Descriptor)> Fields { get; } =
        typeof(QueryErrorDescriptors).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(QueryErrorDescriptor))
            .Select(f => (f.Name, (QueryErrorDescriptor)f.GetValue(null)!))
            .ToList();

    [Fact]
    public void All_ListsEveryDescriptorOnceInCodeOrder()
    {
        Assert.Equal(Fields.Select(f => f.Descriptor.Code).Order(StringComparer.Ordinal), QueryErrorDescriptors.All.Select(d => d.Code));
        Assert.Equal(QueryErrorDescriptors.All.Count, QueryErrorDescriptors.All.Select(d => d.Code).Distinct().Count());
        Assert.Equal(QueryErrorDescriptors.All.Count, QueryErrorDescriptors.All.Select(d => d.Title).Distinct().Count());
    }

    [Fact]
    public void Codes_WellFormedAndNeverARetiredOne()
    {
        string catalogue = File.ReadAllText(Path.Combine(Root, "src/Powers/Queries/QueryErrorDescriptors.cs"));
        var retired = RetiredCode().Matches(catalogue).Select(m => m.Groups[1].Value).ToList();
        foreach (var d in QueryErrorDescriptors.All)
        {
            Assert.Matches("^PQ0[0-9]{3}$", d.Code);
            Assert.DoesNotContain(d.Code, retired);
        }
    }

    [Fact]
    public void Titles_QuoteNothing()
    {
        // A title is what a host may show where the caller's input must not be echoed: fixed words, no quoted value.
        foreach (var d in QueryErrorDescriptors.All)
        {
            Assert.DoesNotMatch("['\"{}]", d.Title);
            Assert.Equal(d.Title.Trim(), d.Title);
        }
    }

    [Fact]
    public void EveryDescriptor_IsGivenByTheCode()
    {
        string code = RepositorySources.ReadAll("src", "QueryErrorDescriptors.cs");
        var unused = Fields.Where(f => !Regex.IsMatch(code, @"QueryErrorDescriptors\." + f.Field + @"\b")).Select(f => f.Descriptor.Code + " " + f.Field).ToList();
        Assert.True(unused.Count == 0, "Catalogued but never given (retire them in a comment): " + string.Join(", ", unused));
    }

    [Fact]
    public void EveryDescriptor_IsProducedByATest()
    {
        // Tests pin an error's code as its literal ("PQ0105") beside the input that produces it.
        string tests = RepositorySources.ReadAll("tests", nameof(QueryErrorDescriptorsTests) + ".cs");
        var untested = QueryErrorDescriptors.All.Where(d => !tests.Contains("\"" + d.Code + "\"", StringComparison.Ordinal)).Select(d => d.Code).ToList();
        Assert.True(untested.Count == 0, "No test produces these query errors: " + string.Join(", ", untested));
    }

    [Fact]
    public void EveryDescriptor_IsDocumentedInTheContract()
    {
        string contract = File.ReadAllText(Path.Combine(Root, "docs/contract.md"));
        int start = contract.IndexOf("\n### Query errors\n", StringComparison.Ordinal);
        Assert.True(start >= 0, "docs/contract.md has no 'Query errors' section");
        int end = contract.IndexOf("\n#", start + 1, StringComparison.Ordinal);
        var rows = TableRow().Matches(contract[start..end]).Select(m => (m.Groups[1].Value, m.Groups[2].Value)).ToList();
        Assert.Equal(QueryErrorDescriptors.All.Select(d => (d.Code, d.Title)), rows);
    }

    [GeneratedRegex(@"// (PQ[0-9]{4}) retired")]
    private static partial Regex RetiredCode();

    [GeneratedRegex(@"\n\| (PQ[0-9]{4}) \| ([^|]+) \|")]
    private static partial Regex TableRow();
}
