using Powers.Compilation;

namespace Powers.Hosting.Loading;

/// <summary>
/// The files of a rule library read into memory at one moment, with a SHA-256 over their paths and bytes, so
/// that what is compiled is exactly what is hashed and no file is read twice.
/// </summary>
/// <param name="Files">The files, each backed by its bytes in memory.</param>
/// <param name="Sha256">Lower-case hex SHA-256 over every file's relative path, length and bytes, in path order.</param>
internal sealed record LibraryContent(IReadOnlyList<LibraryFile> Files, string Sha256);
