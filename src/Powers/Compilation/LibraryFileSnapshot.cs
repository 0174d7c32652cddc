namespace Powers.Compilation;

/// <summary>
/// A library's files read into memory at one moment (each no further than the compiler reads), so that what is
/// verified against a signature is exactly what is then compiled, even if the directory changes in between.
/// </summary>
internal static class LibraryFileSnapshot
{
    public static IReadOnlyList<LibraryFile> Read(IReadOnlyList<LibraryFile> files)
    {
        var loaded = new LibraryFile[files.Count];
        for (int i = 0; i < files.Count; i++)
        {
            var file = files[i];
            if (file.Problem is not null)
            {
                loaded[i] = file;
                continue;
            }

            byte[] bytes;
            try
            {
                bytes = file.ReadCapped();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
            {
                // Left as it was: the compiler (or the verifier) opens it again and reports why it cannot be read.
                loaded[i] = file;
                continue;
            }

            loaded[i] = file with { Length = Math.Max(file.Length, bytes.Length), Open = () => new MemoryStream(bytes, writable: false) };
        }

        return loaded;
    }
}
