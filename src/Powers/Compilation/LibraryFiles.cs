using System.Reflection;
using System.Text;

namespace Powers.Compilation;

/// <summary>Finds the files of a rule library in a directory, in the embedded resources, or in memory.</summary>
public static class LibraryFiles
{
    private const string ResourcePrefix = "rules/";

    /// <summary>Every <c>*.json</c> file below a directory except <c>schema/</c>, in ordinal path order.</summary>
    public static IReadOnlyList<LibraryFile> FromDirectory(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        string root = Path.GetFullPath(directory);
        string display = directory.Replace('\\', '/').TrimEnd('/');
        var files = new List<LibraryFile>();
        var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.Hidden | FileAttributes.System | FileAttributes.ReparsePoint };
        foreach (string path in Directory.EnumerateFiles(root, "*.json", options))
        {
            string relative = Path.GetRelativePath(root, path).Replace('\\', '/');
            if (relative.StartsWith("schema/", StringComparison.Ordinal))
            {
                continue;
            }

            long length = new FileInfo(path).Length;
            files.Add(new LibraryFile(relative, display.Length == 0 ? relative : display + "/" + relative, length, () => File.OpenRead(path)));
        }

        files.Sort((a, b) => string.CompareOrdinal(a.RelativePath, b.RelativePath));
        return files;
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
