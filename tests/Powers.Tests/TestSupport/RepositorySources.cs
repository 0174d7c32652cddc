namespace Powers.Tests.TestSupport;

/// <summary>The repository's C# sources as text, for the catalogue tests that check every entry is used and tested.</summary>
public static class RepositorySources
{
    /// <summary>The repository's root (the folder that holds rules/).</summary>
    public static string Root { get; } = Path.GetDirectoryName(RepositoryRules.Directory)!;

    /// <summary>Every <c>*.cs</c> file under <paramref name="folder"/> (build output left out) but the one ending <paramref name="except"/>, joined.</summary>
    public static string ReadAll(string folder, string except) => string.Join('\n',
        Directory.EnumerateFiles(Path.Combine(Root, folder), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal) && !f.EndsWith(except, StringComparison.Ordinal))
            .Select(File.ReadAllText));
}
