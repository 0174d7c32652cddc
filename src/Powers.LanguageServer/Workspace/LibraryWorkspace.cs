using System.Text;
using Powers.Compilation;
using Powers.Model;
using Powers.Syntax;
using Powers.Text;

namespace Powers.LanguageServer.Workspace;

/// <summary>
/// Compiles one rule library folder with the open documents laid over the disk: an open document's text wins over
/// the file, and an open document not yet on disk (or deleted while open) is compiled too. The compiler itself is
/// unchanged: the overlay is just another list of <see cref="LibraryFile"/>s.
/// </summary>
internal sealed class LibraryWorkspace
{
    private RuleLibrary? _lastGood;

    public LibraryWorkspace(string root)
    {
        Root = root;
    }

    public string Root { get; }

    public LibrarySnapshot Compile(IReadOnlyCollection<OpenDocument> open)
    {
        var overlay = new Dictionary<string, OpenDocument>(StringComparer.Ordinal);
        foreach (var doc in open)
        {
            if (LibraryRoots.IsBelow(doc.Path, Root))
            {
                overlay[doc.Path] = doc;
            }
        }

        var compiled = new Dictionary<string, OpenDocument>(overlay, StringComparer.Ordinal);
        var files = new List<LibraryFile>();
        var texts = new Dictionary<string, SourceText>(StringComparer.Ordinal);
        IReadOnlyList<LibraryFile> onDisk;
        try
        {
            onDisk = Directory.Exists(Root) ? LibraryFiles.FromDirectory(Root) : [];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            onDisk = [];
        }

        foreach (var file in onDisk)
        {
            string path = file.DisplayPath;
            if (overlay.Remove(path, out var doc))
            {
                files.Add(InMemory(file.RelativePath, path, doc.Text.Text));
                texts[path] = doc.Text;
                continue;
            }

            if (file.Problem is not null || file.Length > SourceLoader.MaxFileBytes)
            {
                // A FIFO, a device or a link out of the library (which may be /dev/zero) is never opened, and a file
                // too large is not read whole: the compiler reports each, as 'powers check' does.
                files.Add(file);
                continue;
            }

            byte[] bytes;
            try
            {
                // No further than the compiler reads: the file may have grown since it was listed.
                bytes = file.ReadCapped();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                files.Add(file); // deleted or locked since the listing: the compiler reports it
                continue;
            }

            files.Add(new LibraryFile(file.RelativePath, path, bytes.Length, () => new MemoryStream(bytes, writable: false)));
            texts[path] = new SourceText(path, Encoding.UTF8.GetString(bytes));
        }

        // Open documents the disk does not have (new, or deleted while open) are still part of the library.
        foreach (var doc in overlay.Values)
        {
            string relative = Path.GetRelativePath(Root, doc.Path).Replace('\\', '/');
            if (!relative.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || relative.StartsWith("schema/", StringComparison.Ordinal))
            {
                continue;
            }

            files.Add(InMemory(relative, doc.Path, doc.Text.Text));
            texts[doc.Path] = doc.Text;
        }

        files.Sort((a, b) => string.CompareOrdinal(a.RelativePath, b.RelativePath));
        var result = LibraryCompiler.Compile(files);
        if (result.Library is not null)
        {
            _lastGood = result.Library;
        }

        return new LibrarySnapshot(Root, texts, compiled, result, _lastGood);
    }

    private static LibraryFile InMemory(string relative, string path, string text)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(text);
        return new LibraryFile(relative, path, bytes.Length, () => new MemoryStream(bytes, writable: false));
    }
}
