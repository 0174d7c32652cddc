namespace Powers.LanguageServer.Workspace;

/// <summary>Finds the rule library a file belongs to: the nearest folder above it that holds <c>facts.json</c>.</summary>
internal static class LibraryRoots
{
    // Rule files sit at most two folders below the root (pra2002/x.json); a few more levels cost nothing.
    private const int MaxLevels = 6;

    public static string? Find(string path, string? workspaceRoot)
    {
        string? dir = Path.GetDirectoryName(path);
        for (int i = 0; dir is not null && i < MaxLevels; i++)
        {
            if (File.Exists(Path.Combine(dir, "facts.json")))
            {
                return dir;
            }

            dir = Path.GetDirectoryName(dir);
        }

        if (workspaceRoot is not null)
        {
            foreach (string candidate in new[] { workspaceRoot, Path.Combine(workspaceRoot, "rules") })
            {
                if (File.Exists(Path.Combine(candidate, "facts.json")) && IsBelow(path, candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    public static bool IsBelow(string path, string root) =>
        path.StartsWith(root.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal);
}
