using System.Buffers;
using System.Text;
using System.Text.Unicode;
using Powers.Diagnostics;
using Powers.Text;

namespace Powers.Syntax;

/// <summary>Turns the bytes of a file into a <see cref="SourceText"/>, reporting size limits and invalid UTF-8.</summary>
internal static class SourceLoader
{
    /// <summary>The largest file accepted, in bytes.</summary>
    public const long MaxFileBytes = 4 * 1024 * 1024;

    /// <summary>
    /// Reads a stream, but no further than just past <see cref="MaxFileBytes"/>: a stream that is too large gives more
    /// than <see cref="MaxFileBytes"/> bytes (enough to know it, without reading a huge or endless file whole).
    /// </summary>
    public static byte[] ReadCapped(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var memory = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while (memory.Length <= MaxFileBytes && (read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            memory.Write(buffer, 0, read);
        }

        return memory.ToArray();
    }

    /// <summary>Decodes bytes as strict UTF-8 (a leading byte order mark is skipped).</summary>
    public static SourceText? Decode(string displayPath, ReadOnlySpan<byte> bytes, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        if (bytes.Length > MaxFileBytes)
        {
            diagnostics.Report(DiagnosticDescriptors.FileTooLarge, new SourceText(displayPath, string.Empty), default, (long)bytes.Length, MaxFileBytes);
            return null;
        }

        int skip = bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
        var input = bytes[skip..];
        if (Utf8.IsValid(input))
        {
            // The common case decodes straight into the string: a buffer rented for it (up to 4 MB) stayed in the
            // shared pool's per-thread and per-core caches, which a language server compiling on many threads kept
            // filling (seen as a creeping heap in its benchmark's burst check).
            return new SourceText(displayPath, Encoding.UTF8.GetString(input));
        }

        char[] buffer = ArrayPool<char>.Shared.Rent(Math.Max(1, input.Length));
        try
        {
            var status = Utf8.ToUtf16(input, buffer, out int read, out int written, replaceInvalidSequences: false);
            if (status != OperationStatus.Done)
            {
                // Report at the character position of the last good text, so an editor shows where it breaks.
                string good = new(buffer, 0, written);
                var source = new SourceText(displayPath, good);
                byte bad = read < input.Length ? input[read] : (byte)0;
                diagnostics.Report(DiagnosticDescriptors.InvalidUtf8, source, new TextSpan(good.Length, 0), bad, read + skip);
                return null;
            }

            return new SourceText(displayPath, new string(buffer, 0, written));
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }
}
