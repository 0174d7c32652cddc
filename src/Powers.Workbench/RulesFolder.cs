using System.Text;
using Powers.LanguageServer.Workspace;

namespace Powers.Workbench;

/// <summary>
/// The rule folder as the page sees it: relative paths with <c>/</c>, and a refusal for any path that leaves the
/// folder by <c>..</c>, by an absolute path or through a symbolic link (a link inside could point anywhere).
/// </summary>
internal sealed class RulesFolder
{
    public RulesFolder(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        Root = Path.GetFullPath(directory).TrimEnd(Path.DirectorySeparatorChar);
    }

    public string Root { get; }

    /// <summary>Every <c>.json</c> file below the folder, skipping links, sorted ordinally.</summary>
    public IReadOnlyList<string> List()
    {
        var files = new List<string>();
        Walk(new DirectoryInfo(Root), files, depth: 0);
        files.Sort(StringComparer.Ordinal);
        return files;
    }

    /// <summary>The full path of a relative one, or null with the reason it is refused.</summary>
    public string? Resolve(string? relative, out string? refusal)
    {
        refusal = null;
        if (string.IsNullOrEmpty(relative) || relative.Contains('\0', StringComparison.Ordinal) || relative.Contains('\\', StringComparison.Ordinal))
        {
            refusal = "give a path relative to the rules folder, with '/' between folders";
            return null;
        }

        string[] segments = relative.Split('/');
        if (relative.StartsWith('/') || segments.Any(s => s is "" or "." or ".."))
        {
            refusal = "the path '" + relative + "' leaves the rules folder";
            return null;
        }

        if (!relative.EndsWith(".json", StringComparison.Ordinal))
        {
            refusal = "only rule files (.json) can be opened";
            return null;
        }

        string full = Path.GetFullPath(Path.Combine(Root, relative));
        if (!ConfinedPath.IsInside(full, Root))
        {
            refusal = "the path '" + relative + "' goes through a symbolic link";
            return null;
        }

        return full;
    }

    public static string Read(string full) => File.ReadAllText(full, Encoding.UTF8);

    /// <summary>Writes a file by an atomic replace: a reader sees the old text or the new, never half of it.</summary>
    public static void Write(string full, string text)
    {
        string directory = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(directory);
        string temp = Path.Combine(directory, "." + Path.GetFileName(full) + "." + Guid.NewGuid().ToString("N") + ".tmp");
        try
        {
            File.WriteAllText(temp, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    private void Walk(DirectoryInfo directory, List<string> files, int depth)
    {
        // Rule libraries are shallow; the bound keeps a loop of folders (impossible without links, which are skipped) finite.
        if (depth > 8)
        {
            return;
        }

        foreach (var entry in directory.EnumerateFileSystemInfos())
        {
            if (entry.LinkTarget is not null || entry.Name.StartsWith('.'))
            {
                continue;
            }

            if (entry is DirectoryInfo sub)
            {
                if (sub.Name != "node_modules")
                {
                    Walk(sub, files, depth + 1);
                }
            }
            else if (entry.Name.EndsWith(".json", StringComparison.Ordinal))
            {
                files.Add(Path.GetRelativePath(Root, entry.FullName).Replace(Path.DirectorySeparatorChar, '/'));
            }
        }
    }
}
