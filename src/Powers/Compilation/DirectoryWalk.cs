using Powers.Diagnostics;

namespace Powers.Compilation;

/// <summary>One walk of a rules directory for <see cref="LibraryFiles.FromDirectory"/>; depth and link cycles bounded.</summary>
internal sealed class DirectoryWalk(string root, string display)
{
    private readonly HashSet<string> _visited = new(StringComparer.Ordinal);

    public List<LibraryFile> Files { get; } = [];

    /// <summary>Walks <paramref name="path"/> (a real path within the root), known as <paramref name="relative"/> (empty or ending in '/').</summary>
    public void Folder(string path, string relative, int depth)
    {
        if (!_visited.Add(path))
        {
            return;
        }

        if (depth > LibraryFiles.MaxFolderDepth)
        {
            Problem(relative, DiagnosticDescriptors.LimitExceeded, "The folder '" + relative.TrimEnd('/') + "' is nested more than " + LibraryFiles.MaxFolderDepth + " folders deep; it is not read");
            return;
        }

        List<FileSystemInfo> entries;
        try
        {
            entries = [.. new DirectoryInfo(path).EnumerateFileSystemInfos("*", new EnumerationOptions { IgnoreInaccessible = false, AttributesToSkip = 0 })];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Problem(relative.Length == 0 ? "." : relative.TrimEnd('/'), DiagnosticDescriptors.FolderUnreadable, e.Message.TrimEnd('.'));
            return;
        }

        entries.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        foreach (var entry in entries)
        {
            // Hidden entries are skipped as before (a ConfigMap's ..data and timestamped folders are reached by links).
            if (entry.Name.StartsWith('.'))
            {
                continue;
            }

            string name = relative + entry.Name;
            if (name == "schema")
            {
                continue;
            }

            Entry(entry, name, depth);
        }
    }

    private void Entry(FileSystemInfo entry, string name, int depth)
    {
        string target = entry.FullName;
        bool isJson = entry.Name.EndsWith(".json", StringComparison.Ordinal);
        if (entry.LinkTarget is not null)
        {
            string? resolved = Resolve(entry, name, isJson);
            if (resolved is null)
            {
                return;
            }

            if (!Within(resolved))
            {
                if (isJson || Directory.Exists(resolved))
                {
                    Problem(name, DiagnosticDescriptors.LinkOutsideLibrary, resolved);
                }

                return;
            }

            if (Directory.Exists(resolved) && _visited.Contains(resolved))
            {
                Problem(name, DiagnosticDescriptors.LinkCycle, resolved);
                return;
            }

            target = resolved;
        }

        var kind = EntryKinds.Of(target);
        if (kind == EntryKind.Directory)
        {
            Folder(target, name + "/", depth + 1);
            return;
        }

        if (!isJson)
        {
            return;
        }

        if (kind != EntryKind.Regular)
        {
            Problem(name, DiagnosticDescriptors.NotRegularFile, EntryKinds.Describe(kind));
            return;
        }

        long length;
        try
        {
            length = new FileInfo(target).Length;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            length = 0;
        }

        string open = target;
        Files.Add(new LibraryFile(name, Display(name), length, () => File.OpenRead(open)));
    }

    /// <summary>The link's final target, or null (with the problem reported) when it cannot be resolved.</summary>
    private string? Resolve(FileSystemInfo link, string name, bool isJson)
    {
        try
        {
            var final = link.ResolveLinkTarget(returnFinalTarget: true);
            if (final is null || !final.Exists && !Directory.Exists(final.FullName))
            {
                if (isJson)
                {
                    // A dangling link: opening it reports the missing file.
                    string path = final?.FullName ?? link.FullName;
                    Files.Add(new LibraryFile(name, Display(name), 0, () => File.OpenRead(path)));
                }

                return null;
            }

            return LibraryFiles.RealPath(final.FullName);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            if (isJson)
            {
                Problem(name, DiagnosticDescriptors.FileUnreadable, e.Message);
            }

            return null;
        }
    }

    private bool Within(string path) => path == root || path.StartsWith(root.EndsWith('/') ? root : root + "/", StringComparison.Ordinal);

    private string Display(string name) => display.Length == 0 ? name : display + "/" + name;

    private void Problem(string name, DiagnosticDescriptor descriptor, string detail)
    {
        string path = name.Length == 0 ? "." : name;
        Files.Add(new LibraryFile(path, Display(path), 0, static () => throw new InvalidOperationException("A problem entry is reported, not opened.")) { Problem = new LibraryFileProblem(descriptor, detail) });
    }
}
