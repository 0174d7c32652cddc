namespace Powers.Compilation;

/// <summary>A rule set file that failed to compile, so its version is missing from the library.</summary>
/// <param name="Family">The family its file names, or null when the file could not be read that far.</param>
/// <param name="Version">The version its file names, or else the file's name without <c>.json</c>.</param>
/// <param name="Folder">The folder of the file, for matching a version whose family could not be read.</param>
/// <param name="FirstError">Where its first error is, <c>path(line,col)</c>.</param>
internal sealed record UnavailableVersion(string? Family, string Version, string Folder, string FirstError);
