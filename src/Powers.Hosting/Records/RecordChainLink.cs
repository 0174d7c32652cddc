using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Powers.Hosting;

/// <summary>
/// The chain member of a record line, <c>"chain":{"writer":W,"seq":N,"prev":H}</c>, its last member: how a
/// record is linked (<see cref="Append"/>), what the next one links to (<see cref="HashOf"/>) and how a reader
/// finds the link again (<see cref="TryRead"/>). The one place that knows the format (docs/embedding.md).
/// </summary>
internal static class RecordChainLink
{
    private static readonly byte[] Member = ",\"chain\":{\"writer\":\""u8.ToArray();

    /// <summary>
    /// The line of a record: its body (the JSON object without its closing brace), the chain member and a line
    /// break. The writer id is written as it is: the sinks give ids JSON needs no escape for (a UUID, or a validated <c>Powers:PostgreSql:Writer</c>).
    /// </summary>
    public static byte[] Append(byte[] body, string writer, long sequence, string prev)
    {
        string tail = "\",\"seq\":" + sequence.ToString(System.Globalization.CultureInfo.InvariantCulture) + ",\"prev\":\"" + prev + "\"}}\n";
        var line = new byte[body.Length + Member.Length + writer.Length + tail.Length];
        body.CopyTo(line, 0);
        Member.CopyTo(line, body.Length);
        int at = body.Length + Member.Length;
        at += Encoding.ASCII.GetBytes(writer, line.AsSpan(at));
        Encoding.ASCII.GetBytes(tail, line.AsSpan(at));
        return line;
    }

    /// <summary>The link the next record carries: the hex SHA-256 of <paramref name="bytes"/> (a line with its line break).</summary>
    public static string HashOf(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>
    /// Reads the chain member of a record line (the top-level <c>chain</c> object): false when the line has none;
    /// <paramref name="error"/> says what is wrong when it has one that is not a link.
    /// </summary>
    public static bool TryRead(ReadOnlySpan<byte> json, out string? writer, out long sequence, out string? prev, out string? error)
    {
        writer = null;
        prev = null;
        sequence = 0;
        error = null;
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 64 });
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                bool chain = reader.ValueTextEquals("chain"u8);
                reader.Read();
                if (!chain)
                {
                    reader.Skip();
                    continue;
                }

                error = ReadLink(ref reader, out writer, out sequence, out prev);
                return true;
            }
        }
        catch (JsonException)
        {
            return false;
        }

        return false;
    }

    private static string? ReadLink(ref Utf8JsonReader reader, out string? writer, out long sequence, out string? prev)
    {
        writer = null;
        prev = null;
        sequence = 0;
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return "chain: not an object";
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            string name = reader.GetString()!;
            reader.Read();
            switch (name)
            {
                case "writer" when reader.TokenType == JsonTokenType.String:
                    writer = reader.GetString();
                    break;
                case "seq" when reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out long n) && n >= 1:
                    sequence = n;
                    break;
                case "prev" when reader.TokenType == JsonTokenType.String:
                    prev = reader.GetString();
                    break;
                default:
                    return "chain." + name + ": not a " + name switch { "seq" => "sequence number (a whole number from 1)", "writer" => "writer id (a string)", "prev" => "hash (a string)", _ => "member of a chain link" };
            }
        }

        return writer is null ? "chain.writer: missing" : sequence == 0 ? "chain.seq: missing" : prev is null ? "chain.prev: missing" : null;
    }
}
