using System.Security.Cryptography;
using System.Text;
using Powers.Compilation;
using Powers.Diagnostics;
using Powers.Tests.TestSupport;
using Powers.TestSupport;

namespace Powers.Tests.Compilation;

/// <summary>A signed library verifies; every kind of tampering after signing is refused naming the file (on the real file system).</summary>
public sealed class LibrarySignatureTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "powers-sign-" + Guid.NewGuid().ToString("N"));
    private readonly ECDsa _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly ECDsa _otherKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public LibrarySignatureTests() => Directory.CreateDirectory(_root);

    private TrustedKey Trusted => TrustedKey.FromPem(_key.ExportSubjectPublicKeyInfoPem(), "signer", "signer.pem");

    [Fact]
    public void Verify_UntouchedSignedLibrary_NoDiagnosticAndTheKeyNamed()
    {
        string rules = Signed("rules", _key);
        var diagnostics = Verify(rules, out string? keyId);
        Assert.Empty(diagnostics);
        Assert.Equal(Trusted.Id, keyId);
        // The manifest lists every file the compiler reads, and no more: the shipped library's own files.
        string manifest = File.ReadAllText(Path.Combine(rules, LibrarySignature.ManifestFile));
        Assert.Contains("{ \"path\": \"facts.json\", \"size\": " + new FileInfo(Path.Combine(rules, "facts.json")).Length + ", \"sha256\": \"", manifest, StringComparison.Ordinal);
        Assert.DoesNotContain("schema/", manifest, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_OneByteChangedAfterSigning_RefusedNamingTheFile()
    {
        string rules = Signed("rules", _key);
        string path = Path.Combine(rules, "pra2002", "2012-07-10.json");
        byte[] bytes = File.ReadAllBytes(path);
        bytes[^2] = (byte)(bytes[^2] == (byte)' ' ? '\t' : ' ');
        File.WriteAllBytes(path, bytes);

        var d = Assert.Single(Verify(rules, out string? keyId));
        Assert.Null(keyId);
        Assert.Equal("PWR0025", d.Id);
        Assert.Equal(Display(rules) + "/pra2002/2012-07-10.json", d.Location!.Value.Path);
        Assert.StartsWith("'pra2002/2012-07-10.json' was changed after signing: its SHA-256 is ", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_FileAddedAfterSigning_RefusedNamingTheFile()
    {
        string rules = Signed("rules", _key);
        File.Copy(Path.Combine(rules, "designations", Directory.GetFiles(Path.Combine(rules, "designations"))[0]), Path.Combine(rules, "designations", "zz-added.json"));

        var d = Assert.Single(Verify(rules, out _));
        Assert.Equal("PWR0023", d.Id);
        Assert.Equal("'designations/zz-added.json' is not in the signed manifest: it was added after signing", d.Message);
    }

    [Fact]
    public void Verify_FileRemovedAfterSigning_RefusedNamingTheFile()
    {
        string rules = Signed("rules", _key);
        string removed = "assertions/" + Path.GetFileName(Directory.GetFiles(Path.Combine(rules, "assertions")).Order(StringComparer.Ordinal).First());
        File.Delete(Path.Combine(rules, removed));

        var d = Assert.Single(Verify(rules, out _));
        Assert.Equal("PWR0024", d.Id);
        Assert.Equal("'" + removed + "' is in the signed manifest but missing: it was removed after signing", d.Message);
        Assert.Equal(Display(rules) + "/" + removed, d.Location!.Value.Path);
    }

    [Fact]
    public void Verify_ManifestEditedToMatchATamperedFile_SignatureRefused()
    {
        string rules = Signed("rules", _key);
        string manifest = Path.Combine(rules, LibrarySignature.ManifestFile);
        File.WriteAllText(manifest, File.ReadAllText(manifest).Replace("\"size\": ", "\"size\":  ", StringComparison.Ordinal));

        var d = Assert.Single(Verify(rules, out _));
        Assert.Equal("PWR0021", d.Id);
        Assert.Equal(Display(rules) + "/" + LibrarySignature.SignatureFile, d.Location!.Value.Path);
        Assert.Contains("the signature does not match the manifest", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_SignatureOrManifestMissing_UnsignedNamingTheMissingFile()
    {
        string rules = Signed("rules", _key);
        File.Delete(Path.Combine(rules, LibrarySignature.SignatureFile));
        var d = Assert.Single(Verify(rules, out _));
        Assert.Equal("PWR0020", d.Id);
        Assert.Equal("The rule library is not signed: '.powers-manifest.jws' is missing", d.Message);

        File.Delete(Path.Combine(rules, LibrarySignature.ManifestFile));
        Assert.Equal(["PWR0020", "PWR0020"], Verify(rules, out _).Select(x => x.Id));
    }

    [Fact]
    public void Verify_SignedWithAnUntrustedKey_RefusedNamingTheKey()
    {
        string rules = Signed("rules", _otherKey);
        var d = Assert.Single(Verify(rules, out _));
        Assert.Equal("PWR0022", d.Id);
        string other = TrustedKey.FromPem(_otherKey.ExportSubjectPublicKeyInfoPem()).Id;
        Assert.Equal("The rule library is signed with key '" + other + "', which is not trusted (trusted: signer (" + Trusted.Id + "))", d.Message);
    }

    [Fact]
    public void Verify_KeyIdChosenBySigner_FoundByTheTrustedKeyFileName()
    {
        string rules = Path.Combine(_root, "rules");
        CopyRules(rules);
        Write(rules, _key, "signer");
        Assert.Empty(Verify(rules, out string? keyId));
        Assert.Equal("signer", keyId);
    }

    [Fact]
    public void Verify_KeyIdChosenBySigner_FoundByAPublicKeyFileNamedIdDotPub()
    {
        // openssl ec -pubout writes the public half beside KEY.pem, often as KEY.pub.pem: signed as --key-id KEY.
        string rules = Path.Combine(_root, "rules");
        CopyRules(rules);
        Write(rules, _key, "powers-signing");
        string pub = Path.Combine(_root, "powers-signing.pub.pem");
        File.WriteAllText(pub, _key.ExportSubjectPublicKeyInfoPem());
        var files = LibraryFileSnapshot.Read(LibraryFiles.FromDirectory(rules));

        Assert.Empty(LibrarySignature.Verify(rules, files, [TrustedKey.FromPemFile(pub)], out string? keyId));
        Assert.Equal("powers-signing", keyId);
    }

    [Fact]
    public void Verify_HeaderAskingForNoAlgorithm_Refused()
    {
        string rules = Signed("rules", _key);
        string header = Base64Url.Encode(Encoding.UTF8.GetBytes("{\"alg\":\"none\",\"kid\":\"signer\"}"));
        string jws = File.ReadAllText(Path.Combine(rules, LibrarySignature.SignatureFile)).Trim();
        File.WriteAllText(Path.Combine(rules, LibrarySignature.SignatureFile), header + jws[jws.IndexOf('.', StringComparison.Ordinal)..]);

        var d = Assert.Single(Verify(rules, out _));
        Assert.Equal("PWR0021", d.Id);
        Assert.Equal("The signature of the rule library cannot be accepted: its algorithm is 'none', not ES256", d.Message);
    }

    [Fact]
    public void Verify_FileSwappedForALinkToAnEditedCopy_RefusedAsChanged()
    {
        // A symbolic link swap inside the library: facts.json now leads to an edited copy in a hidden folder.
        string rules = Signed("rules", _key);
        Directory.CreateDirectory(Path.Combine(rules, ".staged"));
        string edited = Path.Combine(rules, ".staged", "facts.json");
        File.WriteAllText(edited, File.ReadAllText(Path.Combine(rules, "facts.json")).Replace("\"min\": 0", "\"min\": 1", StringComparison.Ordinal));
        File.Delete(Path.Combine(rules, "facts.json"));
        File.CreateSymbolicLink(Path.Combine(rules, "facts.json"), Path.Combine(".staged", "facts.json"));

        var d = Assert.Single(Verify(rules, out _));
        Assert.Equal("PWR0025", d.Id);
        Assert.StartsWith("'facts.json' was changed after signing", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_RootLinkSwappedToAReleaseSignedByAnotherKey_RefusedAsUntrusted()
    {
        // The deployment's atomic swap (docs/embedding.md) used to put in a release nobody trusted.
        string good = Signed("release-1", _key);
        string bad = Signed("release-2", _otherKey);
        string link = Path.Combine(_root, "rules");
        Directory.CreateSymbolicLink(link, good);
        Assert.Empty(Verify(link, out _));

        string next = Path.Combine(_root, "rules.next");
        Directory.CreateSymbolicLink(next, bad);
        Processes.Run("mv", "-T", next, link);

        Assert.Equal("PWR0022", Assert.Single(Verify(link, out _)).Id);
    }

    [Fact]
    public async Task Verify_SignatureFileIsAFifo_RefusedWithoutBlocking()
    {
        string rules = Signed("rules", _key);
        File.Delete(Path.Combine(rules, LibrarySignature.SignatureFile));
        Processes.Run("mkfifo", Path.Combine(rules, LibrarySignature.SignatureFile));

        var verify = Task.Run(() => Verify(rules, out _));
        Assert.Same(verify, await Task.WhenAny(verify, Task.Delay(TimeSpan.FromSeconds(30))));
        var d = Assert.Single(await verify);
        Assert.Equal("PWR0021", d.Id);
        Assert.Contains("is a FIFO (named pipe), not a regular file", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_ValidlySignedBytesThatAreNoManifest_Refused()
    {
        string rules = Signed("rules", _key);
        byte[] manifest = Encoding.UTF8.GetBytes("{ \"manifest\": 2, \"files\": [] }");
        string header = Base64Url.Encode(Encoding.UTF8.GetBytes("{\"alg\":\"ES256\",\"kid\":\"signer\"}"));
        byte[] signature = _key.SignData(Encoding.ASCII.GetBytes(header + "." + Base64Url.Encode(manifest)), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        File.WriteAllBytes(Path.Combine(rules, LibrarySignature.ManifestFile), manifest);
        File.WriteAllText(Path.Combine(rules, LibrarySignature.SignatureFile), header + ".." + Base64Url.Encode(signature));

        var d = Assert.Single(Verify(rules, out _));
        Assert.Equal("PWR0026", d.Id);
        Assert.Equal("The signed manifest cannot be read: 'manifest' must be 1 (the version this reader knows)", d.Message);
    }

    [Fact]
    public void FromPem_PrivateKeyGivenAsTrusted_RefusedSayingHowToGetThePublicOne()
    {
        var e = Assert.Throws<ArgumentException>(() => TrustedKey.FromPem(_key.ExportPkcs8PrivateKeyPem(), null, "key.pem"));
        Assert.StartsWith("'key.pem' holds a PRIVATE KEY, not a PUBLIC KEY; give the public key (openssl ec -in KEY.pem -pubout)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromPem_KeyOnAnotherCurve_Refused()
    {
        using var p384 = ECDsa.Create(ECCurve.NamedCurves.nistP384);
        var e = Assert.Throws<ArgumentException>(() => TrustedKey.FromPem(p384.ExportSubjectPublicKeyInfoPem(), null, "p384.pem"));
        Assert.StartsWith("'p384.pem' is not a P-256 key", e.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _key.Dispose();
        _otherKey.Dispose();
        Directory.Delete(_root, recursive: true);
    }

    private static string Display(string directory) => directory.Replace('\\', '/');

    private IReadOnlyList<Diagnostic> Verify(string rules, out string? keyId) =>
        LibrarySignature.Verify(rules, LibraryFileSnapshot.Read(LibraryFiles.FromDirectory(rules)), [Trusted], out keyId);

    private string Signed(string name, ECDsa key)
    {
        string rules = Path.Combine(_root, name);
        CopyRules(rules);
        Write(rules, key, null);
        return rules;
    }

    private static void Write(string rules, ECDsa key, string? keyId)
    {
        var (manifest, signature, _) = LibrarySignature.Sign(LibraryFileSnapshot.Read(LibraryFiles.FromDirectory(rules)), key, keyId);
        File.WriteAllBytes(Path.Combine(rules, LibrarySignature.ManifestFile), manifest);
        File.WriteAllText(Path.Combine(rules, LibrarySignature.SignatureFile), signature + "\n");
    }

    private static void CopyRules(string target)
    {
        foreach (string file in Directory.EnumerateFiles(RepositoryRules.Directory, "*", SearchOption.AllDirectories))
        {
            string to = Path.Combine(target, Path.GetRelativePath(RepositoryRules.Directory, file));
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(file, to);
        }
    }
}
