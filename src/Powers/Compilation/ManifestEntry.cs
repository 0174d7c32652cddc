namespace Powers.Compilation;

/// <summary>One file of a signed library's manifest.</summary>
/// <param name="Path">The path below the library root, with forward slashes.</param>
/// <param name="Size">The size in bytes.</param>
/// <param name="Sha256">The SHA-256 of its bytes, lower-case hex.</param>
internal sealed record ManifestEntry(string Path, long Size, string Sha256);
