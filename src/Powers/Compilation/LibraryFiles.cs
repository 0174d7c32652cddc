using System.Reflection;
using System.Text;

namespace Powers.Compilation;

/// <summary>Finds the files of a rule library in a directory, in the embedded resources, or in memory.</summary>
public static class LibraryFiles
{
    private const string ResourcePrefix = "rules/";

    /// <summary>The deepest folder nesting walked below the root.</summary>
    public const int MaxFolderDepth = 32;

    /// <summary>
    /// Every <c>*.json</c> file below a directory except <c>schema/</c> and hidden entries, in ordinal path order.
    /// The root is resolved once, so a deployment that swaps it by symbolic link is read as one version. Symbolic
    /// links are followed when they lead within the root (a Kubernetes ConfigMap mounts files as links). What
    /// cannot be read safely is returned as an entry with a <see cref="LibraryFile.Problem"/> that the compiler
    /// reports: a FIFO, socket or device (never opened, so it cannot block), a folder that cannot be listed, a
    /// link outside the root, a link back to a folder already read.
    /// </summary>
    public static IReadOnlyList<LibraryFile> FromDirectory(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        string root = RealPath(Path.GetFullPath(directory));
        string display = directory.Replace('\\', '/').TrimEnd('/');
        var walk = new DirectoryWalk(root, display);
        walk.Folder(root, string.Empty, 0);
        walk.Files.Sort((a, b) => string.CompareOrdinal(a.RelativePath, b.RelativePath));
        return walk.Files;
    }

    /// <summary>The path with every symbolic link in it resolved (the path itself when it cannot be).</summary>
    internal static string RealPath(string path)
    {
        try
        {
            var info = new DirectoryInfo(path);
            if (info.LinkTarget is not null && info.ResolveLinkTarget(returnFinalTarget: true) is { } target)
            {
                return RealPath(target.FullName);
            }

            return info.Parent is { } parent ? Path.Combine(RealPath(parent.FullName), info.Name) : info.FullName;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return path;
        }
    }

    /// <summary>The library embedded in the Powers assembly (the repository's <c>rules/</c>).</summary>
    public static IReadOnlyList<LibraryFile> Embedded()
    {
        var assembly = typeof(LibraryFiles).Assembly;
        var files = new List<LibraryFile>();
        foreach (string name in assembly.GetManifestResourceNames())
        {
            if (!name.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            {
                continue;
            }

            long length;
            using (var probe = assembly.GetManifestResourceStream(name)!)
            {
                length = probe.Length;
            }

            files.Add(new LibraryFile(name[ResourcePrefix.Length..], name, length, () => Open(assembly, name)));
        }

        files.Sort((a, b) => string.CompareOrdinal(a.RelativePath, b.RelativePath));
        return files;
    }

    /// <summary>Files held in memory, for tests and tools: relative path to text.</summary>
    public static IReadOnlyList<LibraryFile> FromMemory(IEnumerable<KeyValuePair<string, string>> files, string displayRoot = "rules")
    {
        ArgumentNullException.ThrowIfNull(files);
        var result = new List<LibraryFile>();
        foreach (var (path, text) in files)
        {
            byte[] bytes = Encoding.UTF8.GetBytes(text);
            result.Add(new LibraryFile(path, displayRoot + "/" + path, bytes.Length, () => new MemoryStream(bytes, writable: false)));
        }

        result.Sort((a, b) => string.CompareOrdinal(a.RelativePath, b.RelativePath));
        return result;
    }

    private static Stream Open(Assembly assembly, string name) => assembly.GetManifestResourceStream(name)!;
}
