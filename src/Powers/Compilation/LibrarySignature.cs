using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Powers.Diagnostics;
using Powers.Text;

namespace Powers.Compilation;

/// <summary>
/// Signed rule libraries, as OPA signs bundles. <c>powers sign</c> writes two files into the library's root:
/// <see cref="ManifestFile"/>, every file the compiler reads with its size and SHA-256 (<c>LibraryManifest</c>), and
/// <see cref="SignatureFile"/>, a JWS (RFC 7515) with a detached payload over the manifest's bytes, in compact form
/// <c>BASE64URL(header)..BASE64URL(signature)</c>, header <c>{"alg":"ES256","kid":"…","typ":"powers-manifest"}</c>,
/// signed with ECDSA P-256 and SHA-256 (RFC 7518 ES256). Both names start with a dot, so the compiler never reads
/// them. Verifying checks the signature with a trusted key named by <c>kid</c>, then every file against the manifest:
/// a file added, removed or changed, a bad or missing signature, an unknown key, each is a diagnostic naming the file.
/// </summary>
public static class LibrarySignature
{
    /// <summary>The manifest's file name in the library root.</summary>
    public const string ManifestFile = ".powers-manifest.json";

    /// <summary>The signature's file name in the library root.</summary>
    public const string SignatureFile = ".powers-manifest.jws";

    private const int MaxManifestBytes = 4 * 1024 * 1024;
    private const int MaxSignatureBytes = 16 * 1024;

    /// <summary>
    /// Verifies the files of the library in <paramref name="directory"/>, as read (<paramref name="files"/>, ideally
    /// held in memory so what is verified is what is compiled), against its manifest and signature and the
    /// <paramref name="trustedKeys"/>. Empty when it verifies; otherwise errors, each naming a file. Never throws on
    /// what the directory holds.
    /// </summary>
    /// <param name="directory">The library root.</param>
    /// <param name="files">The library's files, from <see cref="LibraryFiles.FromDirectory"/> (read into memory).</param>
    /// <param name="trustedKeys">The keys trusted to sign it.</param>
    /// <param name="keyId">The key that signed it, when the signature verified.</param>
    public static IReadOnlyList<Diagnostic> Verify(string directory, IReadOnlyList<LibraryFile> files, IReadOnlyList<TrustedKey> trustedKeys, out string? keyId)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(trustedKeys);
        keyId = null;
        string display = directory.Replace('\\', '/').TrimEnd('/');
        var diagnostics = new List<Diagnostic>();
        byte[]? manifest = ReadSmall(directory, display, ManifestFile, MaxManifestBytes, diagnostics);
        byte[]? signature = ReadSmall(directory, display, SignatureFile, MaxSignatureBytes, diagnostics);
        if (manifest is null || signature is null)
        {
            return diagnostics;
        }

        var at = At(display, SignatureFile);
        if (Header(signature, out string? problem) is not { } jws)
        {
            return [Diagnostic.Create(DiagnosticDescriptors.SignatureInvalid, at, problem)];
        }

        if (trustedKeys.FirstOrDefault(k => k.Matches(jws.KeyId)) is not { } key)
        {
            string trusted = trustedKeys.Count == 0 ? "none" : string.Join(", ", trustedKeys.Select(k => k.Name is null ? k.Id : k.Name + " (" + k.Id + ")"));
            return [Diagnostic.Create(DiagnosticDescriptors.SignatureKeyUntrusted, at, ControlCharacters.Escape(jws.KeyId), trusted)];
        }

        byte[] input = Encoding.ASCII.GetBytes(jws.EncodedHeader + "." + Base64Url.Encode(manifest));
        if (!key.Verify(input, jws.Signature))
        {
            return [Diagnostic.Create(DiagnosticDescriptors.SignatureInvalid, at, "the signature does not match the manifest under key '" + ControlCharacters.Escape(jws.KeyId) + "' (the manifest or the signature was changed after signing)")];
        }

        if (LibraryManifest.Read(manifest, out problem) is not { } entries)
        {
            return [Diagnostic.Create(DiagnosticDescriptors.ManifestInvalid, At(display, ManifestFile), ControlCharacters.Escape(problem ?? string.Empty))];
        }

        var listed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in files.OrderBy(f => f.RelativePath, StringComparer.Ordinal))
        {
            listed.Add(file.RelativePath);
            var place = At(file.DisplayPath, null);
            if (!entries.TryGetValue(file.RelativePath, out var signed))
            {
                diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.FileNotSigned, place, file.RelativePath));
                continue;
            }

            if (file.Problem is { } entryProblem)
            {
                diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.FileChangedSinceSigning, place, file.RelativePath, ControlCharacters.Escape(entryProblem.Detail)));
                continue;
            }

            ManifestEntry actual;
            try
            {
                actual = LibraryManifest.Entry(file);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
            {
                diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.FileChangedSinceSigning, place, file.RelativePath, "it cannot be read: " + ControlCharacters.Escape(e.Message)));
                continue;
            }

            if (actual.Size != signed.Size || actual.Sha256 != signed.Sha256)
            {
                string how = actual.Size != signed.Size ? actual.Size + " bytes, signed as " + signed.Size : "its SHA-256 is " + actual.Sha256 + ", signed as " + signed.Sha256;
                diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.FileChangedSinceSigning, place, file.RelativePath, how));
            }
        }

        foreach (var missing in entries.Keys.Where(p => !listed.Contains(p)).Order(StringComparer.Ordinal))
        {
            diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.SignedFileMissing, At(display, missing), ControlCharacters.Escape(missing)));
        }

        if (diagnostics.Count == 0)
        {
            keyId = jws.KeyId;
        }

        return diagnostics;
    }

    /// <summary>
    /// A SHA-256 (hex) over the manifest and signature files as they are now (each read only when it is a regular
    /// file, never further than the verifier reads), so a host can tell that a library was signed again even when
    /// its rule files did not change.
    /// </summary>
    public static string Fingerprint(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var ignored = new List<Diagnostic>();
        foreach (var (name, limit) in new[] { (ManifestFile, MaxManifestBytes), (SignatureFile, MaxSignatureBytes) })
        {
            hash.AppendData(Encoding.UTF8.GetBytes(name + "\0"));
            if (ReadSmall(directory, string.Empty, name, limit, ignored) is { } bytes)
            {
                hash.AppendData(bytes);
            }

            hash.AppendData(Encoding.UTF8.GetBytes("\0" + ignored.Count + "\0"));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>
    /// Signs the library in <paramref name="directory"/> as it is now, as <c>powers sign</c> does: writes
    /// <see cref="ManifestFile"/> and <see cref="SignatureFile"/> into it (each written beside and renamed over the
    /// old one). Returns the key id the signature names: <paramref name="keyId"/>, or the key's RFC 7638 thumbprint.
    /// Throws <see cref="ArgumentException"/> when the key is not a P-256 private key.
    /// </summary>
    public static string Sign(string directory, ECDsa signingKey, string? keyId = null)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(signingKey);
        return Write(directory, LibraryFileSnapshot.Read(LibraryFiles.FromDirectory(directory)), signingKey, keyId);
    }

    /// <summary>Signs <paramref name="files"/> (read from <paramref name="directory"/>) and writes the two files into it.</summary>
    internal static string Write(string directory, IReadOnlyList<LibraryFile> files, ECDsa signingKey, string? keyId)
    {
        var (manifest, signature, kid) = Sign(files, signingKey, keyId);
        Replace(Path.Combine(directory, ManifestFile), manifest);
        Replace(Path.Combine(directory, SignatureFile), Encoding.ASCII.GetBytes(signature + "\n"));
        return kid;
    }

    /// <summary>Writes beside the target and renames over it, so a reader sees the old file or the new one, never half of one.</summary>
    private static void Replace(string path, byte[] bytes)
    {
        string temporary = path + ".tmp-" + Environment.ProcessId + "-" + Guid.NewGuid().ToString("N");
        File.WriteAllBytes(temporary, bytes);
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>The manifest of <paramref name="files"/> and its detached JWS, signed with <paramref name="key"/> (P-256, private) as <paramref name="keyId"/> (default: its thumbprint).</summary>
    internal static (byte[] Manifest, string Signature, string KeyId) Sign(IReadOnlyList<LibraryFile> files, ECDsa key, string? keyId)
    {
        var parameters = key.ExportParameters(includePrivateParameters: false);
        if (!TrustedKey.IsP256(parameters))
        {
            throw new ArgumentException("the signing key is not a P-256 key (ES256 signs with P-256: openssl ecparam -name prime256v1)", nameof(key));
        }

        string kid = keyId ?? TrustedKey.Thumbprint(parameters);
        byte[] manifest = LibraryManifest.Build(files);
        string header = Base64Url.Encode(JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string> { ["alg"] = "ES256", ["kid"] = kid, ["typ"] = "powers-manifest" }));
        byte[] signature = key.SignData(Encoding.ASCII.GetBytes(header + "." + Base64Url.Encode(manifest)), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        return (manifest, header + ".." + Base64Url.Encode(signature), kid);
    }

    private static Location At(string display, string? name)
    {
        string path = name is null ? display : display.Length == 0 ? name : display + "/" + name;
        return new Location(new SourceText(path, string.Empty), default);
    }

    /// <summary>A signature file's bytes, or null (with the reason) when it is missing, not a regular file, or too large.</summary>
    private static byte[]? ReadSmall(string directory, string display, string name, int limit, List<Diagnostic> diagnostics)
    {
        string path = Path.Combine(directory, name);
        var place = At(display, name);
        var kind = EntryKinds.Of(path);
        if (!File.Exists(path))
        {
            diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.LibraryUnsigned, place, name));
            return null;
        }

        if (kind != EntryKind.Regular)
        {
            diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.SignatureInvalid, place, name + " is " + EntryKinds.Describe(kind) + ", not a regular file"));
            return null;
        }

        try
        {
            using var stream = File.OpenRead(path);
            using var memory = new MemoryStream();
            var buffer = new byte[8192];
            int read;
            while (memory.Length <= limit && (read = stream.Read(buffer, 0, buffer.Length)) > 0)
            {
                memory.Write(buffer, 0, read);
            }

            if (memory.Length > limit)
            {
                diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.SignatureInvalid, place, name + " is larger than " + limit + " bytes"));
                return null;
            }

            return memory.ToArray();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.SignatureInvalid, place, name + " cannot be read: " + ControlCharacters.Escape(e.Message)));
            return null;
        }
    }

    /// <summary>The parts of a detached compact JWS with an ES256 header, or null with the reason.</summary>
    private static (string EncodedHeader, string KeyId, byte[] Signature)? Header(byte[] bytes, out string? problem)
    {
        problem = null;
        string text = Encoding.ASCII.GetString(bytes).Trim();
        string[] parts = text.Split('.');
        if (parts.Length != 3 || parts[1].Length != 0)
        {
            problem = "it is not a detached compact JWS (BASE64URL(header)..BASE64URL(signature))";
            return null;
        }

        if (Base64Url.Decode(parts[0]) is not { } header || Base64Url.Decode(parts[2]) is not { Length: 64 } signature)
        {
            problem = "its header or signature is not base64url, or the signature is not 64 bytes (ES256)";
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(header, new JsonDocumentOptions { MaxDepth = 4 });
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                problem = "its header is not a JSON object";
                return null;
            }

            string? alg = null;
            string? kid = null;
            foreach (var member in root.EnumerateObject())
            {
                switch (member.Name)
                {
                    case "alg" when alg is null && member.Value.ValueKind == JsonValueKind.String:
                        alg = member.Value.GetString();
                        break;
                    case "kid" when kid is null && member.Value.ValueKind == JsonValueKind.String:
                        kid = member.Value.GetString();
                        break;
                    case "typ" when member.Value.ValueKind == JsonValueKind.String:
                        break;
                    default:
                        // 'crit', 'jwk', 'jku', 'x5u', 'b64' and the rest change how a JWS is verified or where its key
                        // comes from; the keys are the host's own, so none is honoured.
                        problem = "its header has '" + ControlCharacters.Escape(member.Name) + "', which is not honoured (only alg, kid and typ are)";
                        return null;
                }
            }

            if (alg != "ES256")
            {
                problem = "its algorithm is '" + ControlCharacters.Escape(alg ?? "(none)") + "', not ES256";
                return null;
            }

            if (string.IsNullOrEmpty(kid))
            {
                problem = "its header names no key ('kid')";
                return null;
            }

            return (parts[0], kid, signature);
        }
        catch (JsonException e)
        {
            problem = "its header is not JSON: " + e.Message;
            return null;
        }
    }
}
