using System.Text.RegularExpressions;
using Powers.Tests.TestSupport;

namespace Powers.Tests;

/// <summary>
/// The core's folders are levels (docs/architecture.md): a folder may use the ones before it in <see cref="Levels"/>
/// only. A <c>using</c> of a later level is a dependency pointing the wrong way.
/// </summary>
public partial class CoreLayeringTests
{
    private static readonly string[] Levels =
    [
        "Text", "Diagnostics", "Syntax", "Binding", "Model", "Evaluation", "Planning", "Queries", "Deciding", "Analysis",
        "Batch", "Decisions", "Compilation",
    ];

    private static readonly string Core = Path.Combine(Path.GetDirectoryName(RepositoryRules.Directory)!, "src", "Powers");

    [Fact]
    public void Levels_EveryFolderOfTheCore_IsListed()
    {
        var folders = Directory.GetDirectories(Core).Select(Path.GetFileName)
            .Where(name => name is not ("bin" or "obj")).Order(StringComparer.Ordinal);
        Assert.Equal(Levels.Order(StringComparer.Ordinal), folders);
    }

    [Fact]
    public void Usings_OfEveryCoreFile_PointToEarlierLevelsOnly()
    {
        var wrongWay = new List<string>();
        for (int level = 0; level < Levels.Length; level++)
        {
            foreach (string file in Directory.EnumerateFiles(Path.Combine(Core, Levels[level]), "*.cs", SearchOption.AllDirectories))
            {
                foreach (Match match in PowersUsing().Matches(File.ReadAllText(file)))
                {
                    int used = Array.IndexOf(Levels, match.Groups[1].Value);
                    if (used > level)
                    {
                        wrongWay.Add(Path.GetRelativePath(Core, file) + " uses " + match.Groups[1].Value);
                    }
                }
            }
        }

        Assert.Empty(wrongWay);
    }

    [GeneratedRegex(@"^using Powers\.(\w+)[.;]", RegexOptions.Multiline)]
    private static partial Regex PowersUsing();
}
