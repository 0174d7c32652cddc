using Powers.Syntax;

namespace Powers.Compilation;

/// <summary>One file of a rule library, wherever it lives (a directory, embedded resources, memory).</summary>
/// <param name="RelativePath">The path below the library root, with forward slashes: <c>pra2002/2012-07-10.json</c>.</param>
/// <param name="DisplayPath">The path shown in diagnostics: <c>rules/pra2002/2012-07-10.json</c>.</param>
/// <param name="Length">The size in bytes.</param>
/// <param name="Open">Opens the file's bytes.</param>
public sealed record LibraryFile(string RelativePath, string DisplayPath, long Length, Func<Stream> Open)
{
    /// <summary>Set when the entry must not be read: the compiler reports it instead of opening the file.</summary>
    public LibraryFileProblem? Problem { get; init; }

    /// <summary>
    /// Reads the file's bytes as the compiler does, no further than just past <see cref="LibraryCompiler.MaxFileBytes"/>:
    /// a host that snapshots a library before compiling it sees a too large file as too large without reading it whole.
    /// </summary>
    public byte[] ReadCapped()
    {
        using var stream = Open();
        return SourceLoader.ReadCapped(stream);
    }
}
