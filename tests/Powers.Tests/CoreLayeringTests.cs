using System.Reflection;
using NetArchTest.Rules;
using Powers.Tests.TestSupport;

namespace Powers.Tests;

/// <summary>
/// The core's folders are levels (docs/architecture.md): a namespace may reference the levels before it in
/// <see cref="Levels"/> only, and the root namespace (<see cref="PowersEngine"/>, the front door) is the last level.
/// Read from the compiled assembly's references (NetArchTest), so a fully qualified name counts as much as a
/// <c>using</c>, and so does a reference inside a sub-namespace, which must not form a cycle with its siblings either.
/// </summary>
public class CoreLayeringTests
{
    private const string Root = "Powers";

    private static readonly string[] Levels =
    [
        "Text", "Diagnostics", "Syntax", "Binding", "Model", "Evaluation", "Planning", "Queries", "Deciding", "Analysis",
        "Batch", "Decisions", "Compilation",
    ];

    private static readonly string Core = Path.Combine(Path.GetDirectoryName(RepositoryRules.Directory)!, "src", "Powers");

    private static readonly Lazy<Dictionary<string, SortedSet<string>>> Graph = new(References);

    [Fact]
    public void Levels_EveryFolderOfTheCore_IsListed()
    {
        var folders = Directory.GetDirectories(Core).Select(Path.GetFileName)
            .Where(name => name is not ("bin" or "obj")).Order(StringComparer.Ordinal);
        Assert.Equal(Levels.Order(StringComparer.Ordinal), folders);
    }

    [Fact]
    public void References_OfEveryNamespace_PointToEarlierLevelsOnly()
    {
        var wrongWay = Graph.Value.SelectMany(from => from.Value.Where(to => LevelOf(to) > LevelOf(from.Key)).Select(to => from.Key + " -> " + to)).ToList();

        Assert.True(wrongWay.Count == 0, "references to a later level: " + string.Join("; ", wrongWay));
    }

    [Fact]
    public void References_BetweenNamespaces_FormNoCycle()
    {
        var cycles = new List<string>();
        foreach (string start in Graph.Value.Keys)
        {
            if (PathBack(start, start, [start]) is { } cycle)
            {
                cycles.Add(string.Join(" -> ", cycle));
            }
        }

        Assert.True(cycles.Count == 0, "cycles: " + string.Join("; ", cycles));
    }

    [Fact]
    public void References_ReadFromTheAssembly_SeeTheRootAndEveryLevel()
    {
        // The test has teeth only if it sees references at all: the front door uses the compiler and the deciding levels.
        Assert.Contains("Powers.Compilation", Graph.Value[Root]);
        Assert.Contains("Powers.Deciding", Graph.Value[Root]);
        Assert.Equal(Levels.Length + 1, Graph.Value.Keys.Select(LevelOf).Distinct().Count());
    }

    // The core's namespaces, each with the other core namespaces its types reference (a type, a member, a signature,
    // an attribute or an instruction naming one): one NetArchTest search per namespace referenced.
    private static Dictionary<string, SortedSet<string>> References()
    {
        var assembly = typeof(PowersEngine).Assembly;
        var byNamespace = assembly.GetTypes().Where(t => IsCore(t.Namespace)).GroupBy(t => t.Namespace!)
            .ToDictionary(g => g.Key, g => g.Select(t => t.FullName!).ToArray(), StringComparer.Ordinal);
        var graph = byNamespace.Keys.ToDictionary(n => n, _ => new SortedSet<string>(StringComparer.Ordinal), StringComparer.Ordinal);
        foreach (var (used, names) in byNamespace)
        {
            var result = Types.InAssembly(assembly).Should().NotHaveDependencyOnAny(names).GetResult();
            foreach (var user in result.FailingTypes ?? [])
            {
                if (IsCore(user.Namespace) && user.Namespace != used)
                {
                    graph[user.Namespace!].Add(used);
                }
            }
        }

        return graph;
    }

    private static List<string>? PathBack(string start, string at, List<string> path)
    {
        foreach (string next in Graph.Value[at])
        {
            if (next == start)
            {
                return [.. path, next];
            }

            if (!path.Contains(next) && string.CompareOrdinal(next, start) > 0 && PathBack(start, next, [.. path, next]) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    private static bool IsCore(string? ns) => ns is not null && (ns == Root || ns.StartsWith(Root + ".", StringComparison.Ordinal));

    private static int LevelOf(string ns) => ns == Root ? Levels.Length : Array.IndexOf(Levels, ns.Split('.')[1]);
}
