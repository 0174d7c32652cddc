using System.Text;
using System.Text.Json;
using Powers.Compilation;
using Powers.Hosting;

namespace Powers.Cli.Replay;

/// <summary>
/// Reads a checkpoints file (<see cref="RecordCheckpoint"/>: one compact JWS a line), or the rows of a checkpoints
/// table, and verifies each signature with the trusted keys before its payload is believed. One that does not verify
/// is a failure naming it (forged, or changed after it was signed); a file's last line cut short by a crash is a note.
/// </summary>
internal static class CheckpointReader
{
    private const int MaxLine = 4096;

    /// <summary>The checkpoints, or null with <paramref name="failure"/> naming the first line that does not verify.</summary>
    public static List<RecordCheckpoint>? Read(Stream file, string name, IReadOnlyList<TrustedKey> keys, List<string> notes, out TrailBreak? failure)
    {
        failure = null;
        var checkpoints = new List<RecordCheckpoint>();
        using var reader = new StreamReader(file, new UTF8Encoding(false, throwOnInvalidBytes: false));
        string text = reader.ReadToEnd();
        string[] lines = text.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i].TrimEnd('\r');
            bool last = i == lines.Length - 1;
            if (line.Length == 0)
            {
                continue;
            }

            string where = name + "(" + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) + ")";
            if (Verify(line, where, keys, out string? problem) is { } checkpoint)
            {
                checkpoints.Add(checkpoint);
                continue;
            }

            if (last)
            {
                // Unterminated: the host stopped while appending it.
                notes.Add(where + ": the last checkpoint is cut short (" + problem + "): one being written when the host stopped, not counted");
                continue;
            }

            failure = new TrailBreak(TrailBreakKind.Checkpoint, new StoredDecisionRecord(ReadOnlyMemory<byte>.Empty, where, i + 1), null, problem!);
            return null;
        }

        return checkpoints;
    }

    /// <summary>
    /// The checkpoints of a table's rows (each text, where it is, and the writer and record its columns name), or null
    /// with <paramref name="failure"/> naming the first that does not verify, or whose columns name another record than
    /// the one it signs (the columns are what a reader finds the row by, so an edit there is a break too).
    /// </summary>
    public static List<RecordCheckpoint>? Read(IEnumerable<(string Text, string Where, string Writer, long Sequence)> rows, IReadOnlyList<TrustedKey> keys, out TrailBreak? failure)
    {
        failure = null;
        var checkpoints = new List<RecordCheckpoint>();
        foreach (var (text, where, writer, sequence) in rows)
        {
            var checkpoint = Verify(text, where, keys, out string? problem);
            if (checkpoint is not null && (checkpoint.Writer != writer || checkpoint.Sequence != sequence))
            {
                problem = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"its columns name record {sequence} of writer {writer}, but it signs record {checkpoint.Sequence} of writer {checkpoint.Writer}: the row was changed after it was stored");
                checkpoint = null;
            }

            if (checkpoint is null)
            {
                failure = new TrailBreak(TrailBreakKind.Checkpoint, new StoredDecisionRecord(ReadOnlyMemory<byte>.Empty, where), null, problem!);
                return null;
            }

            checkpoints.Add(checkpoint);
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
