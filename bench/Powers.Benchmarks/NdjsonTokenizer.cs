using System.Buffers;
using System.Text.Json;

namespace Powers.Benchmarks;

/// <summary>
/// System.Text.Json's reader alone over an NDJSON file, line by line, reading every token and nothing else: the
/// floor issue 20 measures <c>powers query</c>'s lines per second against ("the limit to approach"). It reads the
/// file as <c>powers query</c> does, through a 64 KB buffer, and splits lines on <c>\n</c>.
/// </summary>
internal static class NdjsonTokenizer
{
    /// <summary>Reads every line of the file; returns the number of lines and of tokens.</summary>
    public static (long Lines, long Tokens) Run(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        byte[] buffer = ArrayPool<byte>.Shared.Rent(1 << 16);
        try
        {
            long lines = 0, tokens = 0;
            int filled = 0;
            while (true)
            {
                int read = stream.Read(buffer, filled, buffer.Length - filled);
                filled += read;
                int start = 0;
                int newline;
                while ((newline = Array.IndexOf(buffer, (byte)'\n', start, filled - start)) >= 0)
                {
                    tokens += Tokens(buffer.AsSpan(start, newline - start));
                    lines++;
                    start = newline + 1;
                }

                if (read == 0)
                {
                    if (filled > start)
                    {
                        tokens += Tokens(buffer.AsSpan(start, filled - start));
                        lines++;
                    }

                    return (lines, tokens);
                }

                // Keep the unfinished line at the front; grow when one line is larger than the buffer.
                Buffer.BlockCopy(buffer, start, buffer, 0, filled - start);
                filled -= start;
                if (filled == buffer.Length)
                {
                    byte[] larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    Buffer.BlockCopy(buffer, 0, larger, 0, filled);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static long Tokens(ReadOnlySpan<byte> line)
    {
        var reader = new Utf8JsonReader(line);
        long tokens = 0;
        while (reader.Read())
        {
            tokens++;
        }

        return tokens;
    }
}
