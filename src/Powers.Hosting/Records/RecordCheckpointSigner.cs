using System.Security.Cryptography;
using Powers.Compilation;

namespace Powers.Hosting;

/// <summary>
/// Signs a record sink's chain head now and then (<see cref="RecordCheckpoint"/>): once <see cref="Every"/> records
/// were stored since the last checkpoint, or <see cref="Interval"/> after it when any was, on <see cref="Time"/>.
/// Holds the signing key (a P-256 private key, as <c>powers sign</c> takes) and its id, the key's RFC 7638
/// thumbprint, which <c>--trusted-key</c> matches.
/// </summary>
internal sealed class RecordCheckpointSigner : IDisposable
{
    private readonly ECDsa _key;

    public RecordCheckpointSigner(ECDsa key, int every, TimeSpan interval, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentOutOfRangeException.ThrowIfLessThan(every, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        _key = key;
        KeyId = TrustedKey.FromPem(key.ExportSubjectPublicKeyInfoPem()).Id;
        Every = every;
        Interval = interval;
        Time = time;
    }

    public string KeyId { get; }

    public int Every { get; }

    public TimeSpan Interval { get; }

    public TimeProvider Time { get; }

    /// <summary>
    /// Reads a PEM private key (P-256) from <paramref name="path"/>; throws <see cref="IOException"/> when it cannot be
    /// read and <see cref="ArgumentException"/> naming the file when it holds no P-256 private key.
    /// </summary>
    public static ECDsa ReadKey(string path)
    {
        string pem = File.ReadAllText(path);
        var key = ECDsa.Create();
        try
        {
            key.ImportFromPem(pem);
            ECParameters parameters;
            try
            {
                parameters = key.ExportParameters(includePrivateParameters: true);
            }
            catch (CryptographicException)
            {
                // A public key imports, and has no private part to export.
                parameters = default;
            }

            if (parameters.D is null || !parameters.Curve.IsNamed || parameters.Curve.Oid.Value != ECCurve.NamedCurves.nistP256.Oid.Value)
            {
                throw new ArgumentException("'" + path + "' is not a P-256 private key (openssl ecparam -name prime256v1 -genkey -noout -out KEY.pem)", nameof(path));
            }

            return key;
        }
        catch (Exception e) when (e is CryptographicException or ArgumentException)
        {
            key.Dispose();
            throw e as ArgumentException ?? new ArgumentException("'" + path + "' is not an ECDSA private key: " + e.Message, nameof(path), e);
        }
    }

    /// <summary>
    /// The checkpoint of record <paramref name="sequence"/> of <paramref name="writer"/>, whose line hashes to
    /// <paramref name="hash"/>, after the writer's checkpoint of record <paramref name="previous"/> (null: none known).
    /// </summary>
    public RecordCheckpoint Make(string writer, long sequence, string hash, long? previous) =>
        new(writer, sequence, hash, Time.GetUtcNow()) { Previous = previous };

    /// <summary>The checkpoint as a signed line.</summary>
    public byte[] Sign(RecordCheckpoint checkpoint) => checkpoint.Sign(_key, KeyId);

    public void Dispose() => _key.Dispose();
}
