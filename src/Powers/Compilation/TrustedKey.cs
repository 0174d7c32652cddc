using System.Security.Cryptography;
using System.Text;

namespace Powers.Compilation;

/// <summary>
/// A public key a host or <c>powers check --trusted-key</c> trusts to sign rule libraries: a P-256 ECDSA key (ES256)
/// read from a PEM <c>PUBLIC KEY</c>. A signature names its key by id (the JWS <c>kid</c>): the key's RFC 7638 JWK
/// thumbprint, which <c>powers sign</c> uses unless told otherwise, or the name of the key's file without its
/// extension and a <c>.pub</c> before it (<c>keys/2026-01.pem</c> and <c>keys/2026-01.pub.pem</c> are both
/// <c>2026-01</c>), for a signer who chose <c>--key-id 2026-01</c>. Several keys
/// may be trusted at once, so a signer can move to a new key while libraries signed with the old one still load.
/// </summary>
public sealed class TrustedKey
{
    private readonly ECParameters _parameters;

    private TrustedKey(ECParameters parameters, string? name, string source)
    {
        _parameters = parameters;
        Id = Thumbprint(parameters);
        Name = name;
        Source = source;
    }

    /// <summary>The key's RFC 7638 JWK thumbprint (SHA-256, base64url).</summary>
    public string Id { get; }

    /// <summary>The name of the file it was read from, without its extension and a <c>.pub</c> before it; null when it came from text.</summary>
    public string? Name { get; }

    /// <summary>Where it was read from, for messages.</summary>
    public string Source { get; }

    /// <summary>
    /// Reads a PEM public key from a file. Throws <see cref="IOException"/> when the file cannot be read and
    /// <see cref="ArgumentException"/> (naming the file) when it holds no P-256 public key.
    /// </summary>
    public static TrustedKey FromPemFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var info = new FileInfo(path);
        if (info.Exists && info.Length > 64 * 1024)
        {
            throw new ArgumentException("'" + path + "' is " + info.Length + " bytes, too large for a PEM public key", nameof(path));
        }

        // 'openssl ec -pubout' is often written to NAME.pub.pem beside NAME.pem, the private key signed as --key-id NAME.
        string name = Path.GetFileNameWithoutExtension(path);
        if (name.EndsWith(".pub", StringComparison.Ordinal) && name.Length > 4)
        {
            name = name[..^4];
        }

        return FromPem(File.ReadAllText(path, Encoding.UTF8), name, path);
    }

    /// <summary>Reads a PEM public key from text; throws <see cref="ArgumentException"/> naming <paramref name="source"/> when it holds none.</summary>
    public static TrustedKey FromPem(string pem, string? name = null, string source = "PEM text")
    {
        ArgumentNullException.ThrowIfNull(pem);
        ArgumentNullException.ThrowIfNull(source);
        if (!PemEncoding.TryFind(pem, out var fields))
        {
            throw new ArgumentException("'" + source + "' holds no PEM block; expected -----BEGIN PUBLIC KEY-----", nameof(pem));
        }

        string label = pem[fields.Label];
        if (label != "PUBLIC KEY")
        {
            throw new ArgumentException("'" + source + "' holds a " + label + ", not a PUBLIC KEY" + (label.Contains("PRIVATE", StringComparison.Ordinal) ? "; give the public key (openssl ec -in KEY.pem -pubout)" : string.Empty), nameof(pem));
        }

        using var ecdsa = ECDsa.Create();
        try
        {
            ecdsa.ImportFromPem(pem);
        }
        catch (CryptographicException e)
        {
            throw new ArgumentException("'" + source + "' is not an ECDSA public key: " + e.Message, nameof(pem), e);
        }

        var parameters = ecdsa.ExportParameters(includePrivateParameters: false);
        if (!IsP256(parameters))
        {
            throw new ArgumentException("'" + source + "' is not a P-256 key (ES256 signs with P-256: openssl ecparam -name prime256v1)", nameof(pem));
        }

        return new TrustedKey(parameters, name, source);
    }

    /// <summary>Whether a signature names this key.</summary>
    public bool Matches(string keyId) => keyId == Id || (Name is not null && keyId == Name);

    /// <summary>Whether <paramref name="signature"/> (IEEE P1363, r then s) signs <paramref name="data"/> with SHA-256.</summary>
    internal bool Verify(ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature)
    {
        using var ecdsa = ECDsa.Create(_parameters);
        return ecdsa.VerifyData(data, signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
    }

    internal static bool IsP256(ECParameters parameters) =>
        parameters.Curve.IsNamed && (parameters.Curve.Oid.Value == ECCurve.NamedCurves.nistP256.Oid.Value || parameters.Curve.Oid.FriendlyName is "nistP256" or "ECDSA_P256" or "prime256v1");

    /// <summary>The RFC 7638 thumbprint: SHA-256 over the JWK's required members in order, without spaces.</summary>
    internal static string Thumbprint(ECParameters parameters)
    {
        string jwk = "{\"crv\":\"P-256\",\"kty\":\"EC\",\"x\":\"" + Base64Url.Encode(parameters.Q.X) + "\",\"y\":\"" + Base64Url.Encode(parameters.Q.Y) + "\"}";
        return Base64Url.Encode(SHA256.HashData(Encoding.UTF8.GetBytes(jwk)));
    }
}
