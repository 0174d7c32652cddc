using System.Security.Cryptography;
using System.Text;
using Powers.Compilation;

namespace Powers.Cli;

/// <summary>
/// The SHA-256 of a library's files as Powers.Hosting computes it (path, length and bytes of each file in order), so
/// the embedded library the tool names is the one a host's log and decision records name.
/// </summary>
internal static class LibraryHash
{
    public static string Of(IReadOnlyList<LibraryFile> files)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Span<byte> length = stackalloc byte[8];
        foreach (var file in files)
        {
            if (file.Problem is { } problem)
            {
                hash.AppendData(Encoding.UTF8.GetBytes(file.RelativePath + "\0" + problem.Descriptor.Id + "\0" + problem.Detail));
                continue;
            }

            byte[] bytes = file.ReadCapped();
            long size = bytes.Length > LibraryCompiler.MaxFileBytes ? Math.Max(file.Length, bytes.Length) : bytes.Length;
            hash.AppendData(Encoding.UTF8.GetBytes(file.RelativePath));
            BitConverter.TryWriteBytes(length, size);
            hash.AppendData(length);
            hash.AppendData(bytes);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
