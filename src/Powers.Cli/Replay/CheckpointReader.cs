using System.Text;
using System.Text.Json;
using Powers.Compilation;
using Powers.Hosting;

namespace Powers.Cli.Replay;

/// <summary>
/// Verifies the checkpoints a record source read (<see cref="IDecisionRecordSource.ReadCheckpoints"/>: one compact
/// JWS each, <see cref="RecordCheckpoint"/>), whatever stores them, with the trusted keys before any payload is
/// believed. One that does not verify is a failure naming it (forged, or changed after it was signed); a file's last
/// line cut short by a crash is a note.
/// </summary>
internal static class CheckpointReader
{
    private const int MaxLine = 4096;

    /// <summary>
    /// The checkpoints a source read, each verified, or null with <paramref name="failure"/> naming the first that
    /// does not verify, or that the storage files under another record than the one it signs (what a reader finds a
    /// checkpoint by, so an edit there is a break too). A file's last line cut short as the host stopped is a note.
    /// </summary>
    public static List<RecordCheckpoint>? Read(IEnumerable<StoredCheckpoint> stored, IReadOnlyList<TrustedKey> keys, List<string> notes, out TrailBreak? failure)
    {
        failure = null;
        var checkpoints = new List<RecordCheckpoint>();
        foreach (var one in stored)
        {
            var checkpoint = Verify(one.Text, one.Where, keys, out string? problem);
            if (checkpoint is not null && one.Writer is { } writer && (checkpoint.Writer != writer || checkpoint.Sequence != one.Sequence))
            {
                problem = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"its columns name record {one.Sequence} of writer {writer}, but it signs record {checkpoint.Sequence} of writer {checkpoint.Writer}: the row was changed after it was stored");
                checkpoint = null;
            }

            if (checkpoint is not null)
            {
                checkpoints.Add(checkpoint);
                continue;
            }

            if (!one.EndsWithLineBreak)
            {
                // Unterminated: the host stopped while appending it.
                notes.Add(one.Where + ": the last checkpoint is cut short (" + problem + "): one being written when the host stopped, not counted");
                continue;
            }

            failure = new TrailBreak(TrailBreakKind.Checkpoint, new StoredDecisionRecord(ReadOnlyMemory<byte>.Empty, one.Where, one.Line), null, problem!);
            return null;
        }

        return checkpoints;
    }

    private static RecordCheckpoint? Verify(string line, string where, IReadOnlyList<TrustedKey> keys, out string? problem)
    {
        problem = null;
        string[] parts = line.Split('.');
        if (line.Length > MaxLine || parts.Length != 3)
        {
            problem = "not a checkpoint (a compact JWS, BASE64URL(header).BASE64URL(payload).BASE64URL(signature))";
            return null;
        }

        if (Base64Url.Decode(parts[0]) is not { } header || Base64Url.Decode(parts[1]) is not { } payload || Base64Url.Decode(parts[2]) is not { Length: 64 } signature)
        {
            problem = "its header, payload or signature is not base64url, or the signature is not 64 bytes (ES256)";
            return null;
        }

        if (KeyId(header) is not { } keyId)
        {
            problem = "its header is not {\"alg\":\"ES256\",\"kid\":…,\"typ\":\"" + RecordCheckpoint.Type + "\"}";
            return null;
        }

        if (keys.FirstOrDefault(k => k.Matches(keyId)) is not { } key)
        {
            problem = "signed with key '" + keyId + "', which is not a trusted key";
            return null;
        }

        if (!key.Verify(Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]), signature))
        {
            problem = "its signature does not verify with " + key.Source + ": forged, or changed after it was signed";
            return null;
        }

        return RecordCheckpoint.FromPayload(payload, where, out problem);
    }

    /// <summary>The <c>kid</c> of an ES256 checkpoint header that names nothing else (the keys are the verifier's own); null otherwise.</summary>
    private static string? KeyId(byte[] header)
    {
        try
        {
            using var document = JsonDocument.Parse(header, new JsonDocumentOptions { MaxDepth = 4 });
            string? alg = null, kid = null, typ = null;
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            foreach (var member in document.RootElement.EnumerateObject())
            {
                if (member.Value.ValueKind != JsonValueKind.String)
                {
                    return null;
                }

                switch (member.Name)
                {
                    case "alg" when alg is null:
                        alg = member.Value.GetString();
                        break;
                    case "kid" when kid is null:
                        kid = member.Value.GetString();
                        break;
                    case "typ" when typ is null:
                        typ = member.Value.GetString();
                        break;
                    default:
                        return null;
                }
            }

            return alg == "ES256" && typ == RecordCheckpoint.Type && !string.IsNullOrEmpty(kid) ? kid : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
