namespace Powers.LanguageServer.Workspace;

/// <summary>Whether a full path stays inside a folder: below it by name, and through no symbolic link on the way.</summary>
internal static class ConfinedPath
{
    public static bool IsInside(string fullPath, string root)
    {
        ArgumentNullException.ThrowIfNull(fullPath);
        ArgumentNullException.ThrowIfNull(root);
        string trimmed = root.TrimEnd(Path.DirectorySeparatorChar);
        if (!LibraryRoots.IsBelow(fullPath, trimmed))
        {
            return false;
        }

        // Each component below the root must be a real file or folder (or not exist yet): a link could lead anywhere.
        for (string? p = fullPath; p is not null && p.Length > trimmed.Length; p = Path.GetDirectoryName(p))
        {
            FileSystemInfo info = Directory.Exists(p) ? new DirectoryInfo(p) : new FileInfo(p);
            if (info.Exists && info.LinkTarget is not null)
            {
                return false;
            }
        }

        return true;
    }
}
