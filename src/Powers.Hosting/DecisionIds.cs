using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Powers.Hosting;

/// <summary>
/// Decision ids: version 7 UUIDs (RFC 9562, section 5.7) as <see cref="Guid.CreateVersion7(DateTimeOffset)"/> makes
/// them, a 48-bit Unix millisecond timestamp and 74 bits from the cryptographic random number generator. That
/// method asks the operating system for 16 random bytes per id, a system call that cost more than the rest of a
/// decision; here each thread takes them from a block it fills once per <see cref="IdsPerBlock"/> ids. Every id
/// still gets its own fresh random bits, never reused or derived from another's.
/// </summary>
internal static class DecisionIds
{
    private const int RandomBytesPerId = 10;
    private const int IdsPerBlock = 64;

    [ThreadStatic]
    private static byte[]? t_block;

    [ThreadStatic]
    private static int t_next;

    /// <summary>A new id for a decision made at <paramref name="now"/>, in the 36-character form.</summary>
    public static string Next(DateTimeOffset now)
    {
        var block = t_block;
        if (block is null || t_next == block.Length)
        {
            block = t_block ??= new byte[RandomBytesPerId * IdsPerBlock];
            RandomNumberGenerator.Fill(block);
            t_next = 0;
        }

        var random = block.AsSpan(t_next, RandomBytesPerId);
        t_next += RandomBytesPerId;
        Span<byte> bytes = stackalloc byte[16];
        long milliseconds = now.ToUnixTimeMilliseconds();
        BinaryPrimitives.WriteInt64BigEndian(bytes[..8], milliseconds << 16);
        random.CopyTo(bytes[6..]);
        // Cleared once taken, so that no random bits serve two ids or stay behind.
        random.Clear();
        bytes[6] = (byte)(0x70 | (bytes[6] & 0x0F));
        bytes[8] = (byte)(0x80 | (bytes[8] & 0x3F));
        return new Guid(bytes, bigEndian: true).ToString();
    }
}
