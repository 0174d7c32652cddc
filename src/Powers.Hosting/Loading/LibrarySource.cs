using System.Security.Cryptography;
using System.Text;
using Powers.Compilation;

namespace Powers.Hosting.Loading;

/// <summary>Where the rule library comes from: a directory on disk or the library embedded in the Powers assembly.</summary>
internal sealed class LibrarySource
{
    /// <summary>The name used in logs and health data for the embedded library.</summary>
    public const string EmbeddedName = "embedded";

    private LibrarySource(string? directory) => Directory = directory;

    /// <summary>The full path of the rules directory, or null for the embedded library.</summary>
    public string? Directory { get; }

    /// <summary>The directory, or <c>embedded</c>.</summary>
    public string Name => Directory ?? EmbeddedName;

    /// <summary>The embedded library.</summary>
    public static LibrarySource Embedded { get; } = new(null);

    /// <summary>A rules directory (a full path).</summary>
    public static LibrarySource FromDirectory(string directory) => new(directory);

    /// <summary>Reads every file of the library into memory and hashes them; throws <see cref="IOException"/> if the files cannot be read.</summary>
    public LibraryContent Read()
    {
        var files = Directory is null ? LibraryFiles.Embedded() : LibraryFiles.FromDirectory(Directory);
        if (files.Count > LibraryCompiler.MaxFiles)
        {
            // The compiler rejects the library without opening a file; hash the count so a retry is not skipped.
            return new LibraryContent(files, "too-many-files-" + files.Count);
        }

        var loaded = new LibraryFile[files.Count];
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Span<byte> length = stackalloc byte[8];
        for (int i = 0; i < files.Count; i++)
        {
            var file = files[i];
            if (file.Problem is { } problem)
            {
                // Never opened (a FIFO would block); hashed by its problem, so fixing it changes the hash.
                hash.AppendData(Encoding.UTF8.GetBytes(file.RelativePath + "\0" + problem.Descriptor.Id + "\0" + problem.Detail));
                loaded[i] = file;
                continue;
            }

            var (bytes, size) = ReadCapped(file);
            hash.AppendData(Encoding.UTF8.GetBytes(file.RelativePath));
            BitConverter.TryWriteBytes(length, size);
            hash.AppendData(length);
            hash.AppendData(bytes);
            loaded[i] = file with { Length = size, Open = () => new MemoryStream(bytes, writable: false) };
        }

        return new LibraryContent(loaded, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    /// <summary>
    /// Reads a file, but no more than the compiler accepts plus one byte: a larger file keeps its true length,
    /// which the compiler reports as too large without reading it.
    /// </summary>
    private static (byte[] Bytes, long Size) ReadCapped(LibraryFile file)
    {
        byte[] bytes = file.ReadCapped();
        long size = bytes.Length > LibraryCompiler.MaxFileBytes ? Math.Max(file.Length, bytes.Length) : bytes.Length;
        return (bytes, size);
    }
}
