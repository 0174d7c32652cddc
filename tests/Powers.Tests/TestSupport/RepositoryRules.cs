using System.Reflection;

namespace Powers.Tests.TestSupport;

/// <summary>The repository's rules/ directory.</summary>
public static class RepositoryRules
{
    public static string Directory { get; } = Path.GetFullPath(
        typeof(RepositoryRules).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RulesDirectory").Value!);
}
