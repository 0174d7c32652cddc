using System.Diagnostics;

namespace Powers.Cli.Tests.Commands;

/// <summary>
/// powers sign and powers check --trusted-key with keys made by openssl exactly as docs/embedding.md says, on a copy of
/// the repository's library.
/// </summary>
public sealed class SignCommandTests : IDisposable
{
    private readonly string _keys = Directory.CreateTempSubdirectory("powers-keys").FullName;

    public SignCommandTests()
    {
        // docs/embedding.md, "Signed rule libraries".
        Openssl("ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", Key);
        Openssl("ec", "-in", Key, "-pubout", "-out", Public);
    }

    private string Key => Path.Combine(_keys, "signer.pem");

    private string Public => Path.Combine(_keys, "signer.pub.pem");

    [Fact]
    public void Check_SignedLibrary_ExitsZero()
    {
        using var library = new TempLibrary();
        var sign = CliRun.Of("sign", library.Root, "--key", Key);
        Assert.True(sign.ExitCode == 0, sign.Error);
        Assert.StartsWith("Signed ", sign.Out, StringComparison.Ordinal);
        Assert.True(File.Exists(library.PathOf(".powers-manifest.json")));
        Assert.True(File.Exists(library.PathOf(".powers-manifest.jws")));

        var check = CliRun.Of("check", library.Root, "--trusted-key", Public);
        Assert.True(check.ExitCode == 0, check.Out + check.Error);
    }

    [Fact]
    public void Check_OneByteChangedAfterSigning_ExitsOneNamingTheFile()
    {
        using var library = new TempLibrary();
        Assert.Equal(0, CliRun.Of("sign", library.Root, "--key", Key).ExitCode);
        string path = library.PathOf("facts.json");
        File.WriteAllText(path, File.ReadAllText(path) + " ");

        var check = CliRun.Of("check", library.Root, "--trusted-key", Public);
        Assert.Equal(1, check.ExitCode);
        Assert.Contains(library.Root.Replace('\\', '/') + "/facts.json(1,1): error PWR0025: 'facts.json' was changed after signing: ", check.Out, StringComparison.Ordinal);
        Assert.EndsWith("1 error(s), 0 warning(s), 0 info" + Environment.NewLine, check.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_KeyRotated_OldAndNewKeyTrustedTogether()
    {
        // The signer moves to a new key named by its file: a host trusting both loads libraries signed with either.
        string next = Path.Combine(_keys, "2026-07.pem");
        string nextPublic = Path.Combine(_keys, "2026-07.pub.pem");
        Openssl("ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", next);
        Openssl("ec", "-in", next, "-pubout", "-out", nextPublic);
        using var library = new TempLibrary();
        Assert.Equal(0, CliRun.Of("sign", library.Root, "--key", next, "--key-id", "2026-07").ExitCode);

        Assert.Equal(0, CliRun.Of("check", library.Root, "--trusted-key", Public, "--trusted-key", nextPublic).ExitCode);
        var old = CliRun.Of("check", library.Root, "--trusted-key", Public);
        Assert.Equal(1, old.ExitCode);
        Assert.Contains("error PWR0022: The rule library is signed with key '2026-07', which is not trusted (trusted: signer (", old.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_UnsignedLibraryWithATrustedKey_ExitsOne()
    {
        using var library = new TempLibrary();
        var check = CliRun.Of("check", library.Root, "--trusted-key", Public);
        Assert.Equal(1, check.ExitCode);
        Assert.Contains("error PWR0020: The rule library is not signed: '.powers-manifest.json' is missing", check.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Sign_PublicKeyGivenAsTheSigningKey_ExitsTwo()
    {
        using var library = new TempLibrary();
        var sign = CliRun.Of("sign", library.Root, "--key", Public);
        Assert.Equal(2, sign.ExitCode);
        Assert.StartsWith("powers: bad input: --key: '" + Public + "' is not a PEM ECDSA private key: ", sign.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(library.PathOf(".powers-manifest.json")));
    }

    [Fact]
    public void Check_TrustedKeyIsAPrivateKey_ExitsTwoSayingHowToGetThePublicOne()
    {
        using var library = new TempLibrary();
        var check = CliRun.Of("check", library.Root, "--trusted-key", Key);
        Assert.Equal(2, check.ExitCode);
        Assert.Equal("powers: bad input: --trusted-key: '" + Key + "' holds a EC PRIVATE KEY, not a PUBLIC KEY; give the public key (openssl ec -in KEY.pem -pubout)" + Environment.NewLine, check.Error);
    }

    public void Dispose() => Directory.Delete(_keys, recursive: true);

    private static void Openssl(params string[] arguments)
    {
        var start = new ProcessStartInfo("openssl") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        string error = process.StandardError.ReadToEnd();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, "openssl " + string.Join(' ', arguments) + ": " + error);
    }
}
