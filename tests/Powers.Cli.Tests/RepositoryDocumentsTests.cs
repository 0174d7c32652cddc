using System.Text.RegularExpressions;

namespace Powers.Cli.Tests;

/// <summary>
/// Issue 24, items 5 and 8: the documented <c>dotnet tool install --global Powers.Tool</c> failed ("not found"), since
/// the tool is not on nuget.org; the repository had no LICENSE and no CHANGELOG.md.
/// </summary>
public sealed partial class RepositoryDocumentsTests
{
    private static readonly string Root = Path.GetDirectoryName(CliRun.RulesDirectory)!;

    [Fact]
    public void ToolInstall_EveryPlaceThatShowsIt_InstallsFromThePackedFolder()
    {
        string[] places =
        [
            "README.md", "docs/embedding.md", "editors/vscode/README.md", "editors/vscode/package.json", "src/Powers.Cli/PACKAGE.md",
        ];
        var found = new List<string>();
        foreach (string place in places)
        {
            foreach (Match install in ToolInstall().Matches(File.ReadAllText(Path.Combine(Root, place))))
            {
                found.Add(place);
                Assert.True(install.Value.Contains("--add-source ~/powers-packages", StringComparison.Ordinal), place + ": " + install.Value);
            }
        }

        Assert.Equal(places.Order(StringComparer.Ordinal), found.Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void License_StatedInTheReadmeAndThePackages_IsTheLicenseFile()
    {
        Assert.StartsWith("MIT License" + "\n", File.ReadAllText(Path.Combine(Root, "LICENSE")), StringComparison.Ordinal);
        Assert.Contains("<PackageLicenseExpression>MIT</PackageLicenseExpression>", File.ReadAllText(Path.Combine(Root, "src/Directory.Build.props")), StringComparison.Ordinal);
        Assert.Contains("## License" + "\n\nMIT (`LICENSE`)", File.ReadAllText(Path.Combine(Root, "README.md")), StringComparison.Ordinal);
    }

    [Fact]
    public void Changelog_AtTheRoot_HasAnUnreleasedSection()
    {
        Assert.Contains("\n## Unreleased\n", File.ReadAllText(Path.Combine(Root, "CHANGELOG.md")), StringComparison.Ordinal);
    }

    [GeneratedRegex(@"dotnet tool install --global[^\n`""]*")]
    private static partial Regex ToolInstall();
}
