using System.Reflection;

namespace Powers.Workbench.Tests;

/// <summary>Where the repository's rules and docs are.</summary>
internal static class Paths
{
    public static string Rules { get; } = Metadata("RulesDirectory");

    public static string Docs { get; } = Metadata("DocsDirectory");

    private static string Metadata(string key) =>
        Path.GetFullPath(typeof(Paths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!);
}
