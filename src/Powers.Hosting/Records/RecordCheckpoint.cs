using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Powers.Hosting;

/// <summary>
/// A signed checkpoint of a record chain's head (docs/embedding.md, "Signed checkpoints"): writer <see cref="Writer"/>
/// had stored records 1 to <see cref="Sequence"/>, and record <see cref="Sequence"/>'s line (with its line break) has
/// the SHA-256 <see cref="Hash"/>, the link its successor carries. One line of a checkpoints file is a compact JWS
/// (RFC 7515) with the payload attached, <c>BASE64URL(header).BASE64URL(payload).BASE64URL(signature)</c>: header
/// <c>{"alg":"ES256","kid":…,"typ":"powers-checkpoint"}</c>, payload <c>{"writer":…,"seq":…,"hash":…,"at":…}</c> and,
/// when the writer knows its previous checkpoint, <c>"prev"</c>: the record that one signed (<see cref="Previous"/>), so a
/// checkpoint removed from before another is missed. Signed with ECDSA P-256 and SHA-256 (the key <c>powers sign</c>
/// takes). The one place that knows the format.
/// </summary>
internal sealed record RecordCheckpoint(string Writer, long Sequence, string Hash, DateTimeOffset At)
{
    /// <summary>The JWS <c>typ</c> of a checkpoint.</summary>
    public const string Type = "powers-checkpoint";

    /// <summary>The sequence number of the record the writer's checkpoint before this one signed, when the writer knew it; null otherwise.</summary>
    public long? Previous { get; init; }

    /// <summary>Where it was read from (<c>FILE(LINE)</c>), for messages; empty when it was made here.</summary>
    public string Where { get; init; } = string.Empty;

    /// <summary>The checkpoint as one line: a compact JWS signed with <paramref name="key"/> (P-256, private) as <paramref name="keyId"/>, and a line break.</summary>
    public byte[] Sign(ECDsa key, string keyId)
    {
        ArgumentNullException.ThrowIfNull(key);
        string header = Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string>(StringComparer.Ordinal) { ["alg"] = "ES256", ["kid"] = keyId, ["typ"] = Type }));
        string payload = Base64Url.EncodeToString(Payload());
        string signed = header + "." + payload;
        byte[] signature = key.SignData(Encoding.ASCII.GetBytes(signed), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        return Encoding.ASCII.GetBytes(signed + "." + Base64Url.EncodeToString(signature) + "\n");
    }

    /// <summary>
    /// Reads a checkpoint from a payload that verified (<see cref="Sign"/>'s JSON); null with the reason when it is
    /// not one.
    /// </summary>
    public static RecordCheckpoint? FromPayload(ReadOnlySpan<byte> payload, string where, out string? problem)
    {
        problem = null;
        try
        {
            using var document = JsonDocument.Parse(payload.ToArray(), new JsonDocumentOptions { MaxDepth = 4 });
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object
                && root.TryGetProperty("writer", out var writer) && writer.ValueKind == JsonValueKind.String && writer.GetString() is { Length: > 0 } w
                && root.TryGetProperty("seq", out var seq) && seq.ValueKind == JsonValueKind.Number && seq.TryGetInt64(out long n) && n >= 1
                && root.TryGetProperty("hash", out var hash) && hash.ValueKind == JsonValueKind.String && hash.GetString() is { Length: 64 } h
                && root.TryGetProperty("at", out var at) && at.ValueKind == JsonValueKind.String
                && DateTimeOffset.TryParse(at.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var when)
                && Prev(root, n, out long? previous))
            {
                return new RecordCheckpoint(w, n, h, when) { Where = where, Previous = previous };
            }
        }
        catch (JsonException)
        {
            // Falls through to the reason below.
        }

        problem = "its payload is not a checkpoint ({\"writer\", \"seq\", \"hash\", \"at\"}, and \"prev\" below \"seq\" if any)";
        return null;
    }

    /// <summary>The optional <c>prev</c>: absent, or a record number from 1 below <paramref name="sequence"/>.</summary>
    private static bool Prev(JsonElement root, long sequence, out long? previous)
    {
        previous = null;
        if (!root.TryGetProperty("prev", out var prev))
        {
            return true;
        }

        if (prev.ValueKind == JsonValueKind.Number && prev.TryGetInt64(out long p) && p >= 1 && p < sequence)
        {
            previous = p;
            return true;
        }

        return false;
    }

    private byte[] Payload()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("writer", Writer);
            writer.WriteNumber("seq", Sequence);
            writer.WriteString("hash", Hash);
            writer.WriteString("at", At.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
            if (Previous is { } previous)
            {
                writer.WriteNumber("prev", previous);
            }

            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }
}
