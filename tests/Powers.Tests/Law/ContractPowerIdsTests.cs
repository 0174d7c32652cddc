using System.Text.RegularExpressions;
using Powers.TestSupport;
using Powers.Tests.TestSupport;

namespace Powers.Tests.Law;

/// <summary>
/// Issue 19, Build item 1: the catalogue ids are the contract, so docs/contract.md ("Power ids") lists every one, in
/// catalogue row order, and nothing else.
/// </summary>
public class ContractPowerIdsTests
{
    private static readonly string Root = Path.GetDirectoryName(RepositoryRules.Directory)!;

    [Fact]
    public void ContractDoc_PowerIds_AreTheLibrarysFiftyFourInRowOrder()
    {
        string contract = File.ReadAllText(Path.Combine(Root, "docs/contract.md")).ReplaceLineEndings("\n");
        int start = contract.IndexOf("\n## Power ids\n", StringComparison.Ordinal);
        Assert.True(start >= 0, "docs/contract.md has no '## Power ids' section");
        int end = contract.IndexOf("\n## ", start + 1, StringComparison.Ordinal);
        string section = end < 0 ? contract[start..] : contract[start..end];

        var listed = Regex.Matches(section, @"^\| `([a-z0-9-]+)` \|", RegexOptions.Multiline | RegexOptions.CultureInvariant)
            .Select(m => m.Groups[1].Value)
            .ToList();

        // The 52 catalogue rows, then para. 7E's two (law-readings correction 1).
        Assert.Equal(54, listed.Count);
        Assert.Equal(ShippedLibrary.Instance.Powers.Select(p => p.Id), listed);
    }
}
