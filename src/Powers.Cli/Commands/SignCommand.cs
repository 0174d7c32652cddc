using System.CommandLine;
using System.Security.Cryptography;
using Powers.Compilation;
using Powers.Diagnostics;
using Powers.Text;

namespace Powers.Cli.Commands;

/// <summary>
/// <c>powers sign DIR --key KEY.pem [--key-id ID]</c>: writes the manifest of every file the compiler reads and a
/// detached ES256 JWS over it into DIR (<see cref="LibrarySignature"/>), for hosts and <c>powers check</c> that
/// trust the key.
/// </summary>
internal static class SignCommand
{
    public static Command Create(CliConsole console)
    {
        var directory = new Argument<string>("DIR") { Description = "The rule library directory to sign." };
        var key = new Option<string>("--key") { Description = "The signing key: a PEM P-256 private key (openssl ecparam -name prime256v1 -genkey -noout -out KEY.pem).", HelpName = "KEY.pem", Required = true };
        var keyId = new Option<string?>("--key-id") { Description = "The key id the signature names (default: the key's RFC 7638 thumbprint). A host trusting the public key in a file ID.pem or ID.pub.pem also finds it by this id.", HelpName = "ID" };
        var command = new Command("sign", "Sign a rule library: write " + LibrarySignature.ManifestFile + " (every file the compiler reads: path, size, SHA-256) and " + LibrarySignature.SignatureFile + " (a detached ES256 JWS over it) into DIR. Exit code 0 when signed, 1 when the library has errors, 2 on bad input.")
        {
            directory, key, keyId,
        };
        command.SetAction(parse =>
        {
            string dir = parse.GetValue(directory)!;
            if (!LibraryLoader.Exists(LibraryLoader.Choose(dir), console))
            {
                return ExitCodes.BadInput;
            }

            string? id = parse.GetValue(keyId);
            if (id is not null && (id.Length is 0 or > 200 || id.Any(char.IsControl)))
            {
                console.Error.WriteLine("powers: bad input: --key-id: give 1 to 200 characters without control characters");
                return ExitCodes.BadInput;
            }

            using var signer = ReadKey(parse.GetValue(key)!, console);
            if (signer is null)
            {
                return ExitCodes.BadInput;
            }

            var files = LibraryFileSnapshot.Read(LibraryFiles.FromDirectory(dir));
            var result = LibraryCompiler.Compile(files);
            if (!result.Success)
            {
                console.Error.WriteLine(ControlCharacters.Escape("powers: the rule library '" + dir + "' has errors; sign a library that compiles:"));
                foreach (var d in result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error))
                {
                    console.Error.WriteLine(MsBuildFormatter.Format(d));
                }

                return ExitCodes.Failure;
            }

            string kid = LibrarySignature.Write(dir, files, signer, id);
            console.Out.WriteLine(ControlCharacters.Escape("Signed " + files.Count + " files of " + dir + " with key " + kid + ": " + LibrarySignature.ManifestFile + ", " + LibrarySignature.SignatureFile));
            return ExitCodes.Success;
        });
        return command;
    }

    private static ECDsa? ReadKey(string path, CliConsole console)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            console.Error.WriteLine("powers: bad input: --key: cannot read '" + ControlCharacters.Escape(path) + "': " + ControlCharacters.Escape(e.Message));
            return null;
        }

        var key = ECDsa.Create();
        try
        {
            key.ImportFromPem(text);
            var parameters = key.ExportParameters(includePrivateParameters: true);
            if (parameters.D is null)
            {
                throw new CryptographicException("it holds no private key");
            }

            if (!TrustedKey.IsP256(parameters))
            {
                throw new CryptographicException("it is not a P-256 key (ES256 signs with P-256: openssl ecparam -name prime256v1)");
            }

            return key;
        }
        catch (Exception e) when (e is CryptographicException or ArgumentException)
        {
            key.Dispose();
            console.Error.WriteLine("powers: bad input: --key: '" + ControlCharacters.Escape(path) + "' is not a PEM ECDSA private key: " + ControlCharacters.Escape(e.Message));
            return null;
        }
    }
}
