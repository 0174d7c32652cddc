using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Powers.Compilation;

/// <summary>
/// The manifest <c>powers sign</c> writes: every file the compiler reads (relative path, size, SHA-256), in ordinal
/// path order, as JSON with one file per line:
/// <c>{ "manifest": 1, "algorithm": "SHA-256", "files": [ { "path": "facts.json", "size": 1234, "sha256": "…" } ] }</c>.
/// Its exact bytes are what the signature signs; reading is strict (unknown members, duplicates and unsafe paths refused).
/// </summary>
internal static class LibraryManifest
{
    /// <summary>The manifest of files read into memory.</summary>
    public static byte[] Build(IReadOnlyList<LibraryFile> files)
    {
        var b = new StringBuilder("{\n  \"manifest\": 1,\n  \"algorithm\": \"SHA-256\",\n  \"files\": [");
        var entries = files.OrderBy(f => f.RelativePath, StringComparer.Ordinal).Select(Entry).ToList();
        for (int i = 0; i < entries.Count; i++)
        {
            var e = entries[i];
            b.Append(i == 0 ? "\n" : ",\n").Append("    { \"path\": ").Append(JsonSerializer.Serialize(e.Path))
                .Append(", \"size\": ").Append(e.Size.ToString(CultureInfo.InvariantCulture))
                .Append(", \"sha256\": \"").Append(e.Sha256).Append("\" }");
        }

        b.Append(entries.Count > 0 ? "\n  ]\n}\n" : "]\n}\n");
        return Encoding.UTF8.GetBytes(b.ToString());
    }

    /// <summary>A file's entry: its path, size and SHA-256 as read.</summary>
    public static ManifestEntry Entry(LibraryFile file)
    {
        byte[] bytes = file.ReadCapped();
        return new ManifestEntry(file.RelativePath, Math.Max(file.Length, bytes.Length), Convert.ToHexStringLower(SHA256.HashData(bytes)));
    }

    /// <summary>The entries by path, or null with the reason when the bytes are not a manifest.</summary>
    public static Dictionary<string, ManifestEntry>? Read(byte[] bytes, out string? problem)
    {
        problem = null;
        try
        {
            using var document = JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = 8 });
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                problem = "it is not a JSON object";
                return null;
            }

            var seen = new HashSet<string>(StringComparer.Ordinal);
            JsonElement? files = null;
            foreach (var member in root.EnumerateObject())
            {
                if (!seen.Add(member.Name))
                {
                    problem = "'" + member.Name + "' is given twice";
                    return null;
                }

                problem = member.Name switch
                {
                    "manifest" => member.Value.ValueKind == JsonValueKind.Number && member.Value.TryGetInt32(out int version) && version == 1 ? null : "'manifest' must be 1 (the version this reader knows)",
                    "algorithm" => member.Value.ValueKind == JsonValueKind.String && member.Value.GetString() == "SHA-256" ? null : "'algorithm' must be 'SHA-256'",
                    "files" => member.Value.ValueKind == JsonValueKind.Array ? null : "'files' must be an array",
                    _ => "'" + member.Name + "' is not a member of a version 1 manifest (manifest, algorithm, files)",
                };
                if (problem is not null)
                {
                    return null;
                }

                if (member.Name == "files")
                {
                    files = member.Value;
                }
            }

            if (files is not { } list || !seen.Contains("manifest") || !seen.Contains("algorithm"))
            {
                problem = "it lacks 'manifest': 1, 'algorithm': 'SHA-256' or 'files'";
                return null;
            }

            var entries = new Dictionary<string, ManifestEntry>(StringComparer.Ordinal);
            foreach (var item in list.EnumerateArray())
            {
                if (ReadEntry(item) is not { } entry)
                {
                    problem = "file " + (entries.Count + 1) + " is not { \"path\", \"size\", \"sha256\" } with a safe relative path";
                    return null;
                }

                if (!entries.TryAdd(entry.Path, entry))
                {
                    problem = "'" + entry.Path + "' is listed twice";
                    return null;
                }
            }

            return entries;
        }
        catch (JsonException e)
        {
            problem = "malformed JSON: " + e.Message;
            return null;
        }
    }

    private static ManifestEntry? ReadEntry(JsonElement item)
    {
        if (item.ValueKind != JsonValueKind.Object || item.EnumerateObject().Count() != 3
            || !item.TryGetProperty("path", out var path) || path.ValueKind != JsonValueKind.String
            || !item.TryGetProperty("size", out var size) || !size.TryGetInt64(out long length) || length < 0
            || !item.TryGetProperty("sha256", out var hash) || hash.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        string p = path.GetString()!;
        string h = hash.GetString()!;
        bool safe = p.Length > 0 && !p.StartsWith('/') && !p.Contains('\\', StringComparison.Ordinal) && !p.Contains('\0', StringComparison.Ordinal)
            && p.Split('/').All(s => s.Length > 0 && s != "." && s != "..");
        return safe && h.Length == 64 && h.All(char.IsAsciiHexDigitLower) ? new ManifestEntry(p, length, h) : null;
    }
}
