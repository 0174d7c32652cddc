namespace Powers.LanguageServer.Analysis;

/// <summary>
/// What a library file holds, by its path below the root, the way the compiler classifies it. Anything else (a rule
/// set version, an assertions file, a kind added later) is <see cref="Other"/>: its names are still found by shape.
/// </summary>
internal enum FileRole
{
    Other,
    Facts,
    Powers,
    Forces,
    Designation,
    Cases,
}
