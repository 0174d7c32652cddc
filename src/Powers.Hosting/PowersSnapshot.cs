using Powers.Diagnostics;
using Powers.Model;

namespace Powers.Hosting;

/// <summary>
/// One loaded rule library and the engine over it. Immutable: a reload builds a new snapshot and swaps it in,
/// so a caller that holds a snapshot keeps deciding against exactly one library.
/// </summary>
public sealed class PowersSnapshot
{
    internal PowersSnapshot(PowersEngine engine, string sha256, string source, DateTimeOffset loadedAt, int generation, IReadOnlyList<Diagnostic> diagnostics)
    {
        Engine = engine;
        Sha256 = sha256;
        Source = source;
        LoadedAt = loadedAt;
        Generation = generation;
        Diagnostics = diagnostics;
    }

    /// <summary>The engine over this library.</summary>
    public PowersEngine Engine { get; }

    /// <summary>The library.</summary>
    public RuleLibrary Library => Engine.Library;

    /// <summary>Lower-case hex SHA-256 over every file of the library (relative path, length and bytes, in path order).</summary>
    public string Sha256 { get; }

    /// <summary>The full path of the rules directory, or <c>embedded</c>.</summary>
    public string Source { get; }

    /// <summary>When the library was loaded.</summary>
    public DateTimeOffset LoadedAt { get; }

    /// <summary>1 for the library loaded at start, one more for each reload that swapped a library in.</summary>
    public int Generation { get; }

    /// <summary>The warnings and information the compiler reported for this library (it had no errors).</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>
    /// The version of the default rule set family in force on a date; when none is, the latest version that has
    /// an effective date; null for a library without versions.
    /// </summary>
    public RuleSetVersion? ActiveVersion(DateOnly date)
    {
        if (Library.DefaultFamily is not { } family)
        {
            return null;
        }

        if (Library.VersionInForce(family, date) is { } inForce)
        {
            return inForce;
        }

        RuleSetVersion? latest = null;
        foreach (var version in Library.Versions)
        {
            if (version.Family == family)
            {
                latest = version;
            }
        }

        return latest;
    }
}
