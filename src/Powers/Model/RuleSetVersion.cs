using Powers.Text;

namespace Powers.Model;

/// <summary>One consolidated, point-in-time version of the law (<c>ID@VERSION</c>). Immutable; extends already resolved.</summary>
public sealed class RuleSetVersion
{
    internal RuleSetVersion(
        string family,
        string version,
        int revision,
        string title,
        EffectiveRange effective,
        string? extends,
        IReadOnlyList<string> sources,
        IReadOnlyList<string> changes,
        IReadOnlyList<GeneralClause> general,
        IReadOnlySet<string> standard,
        IReadOnlyDictionary<string, PowerRule> powers,
        string sha256,
        Location location)
    {
        Family = family;
        Version = version;
        Revision = revision;
        Title = title;
        Effective = effective;
        Extends = extends;
        Sources = sources;
        Changes = changes;
        General = general;
        Standard = standard;
        Powers = powers;
        Sha256 = sha256;
        Location = location;
    }

    /// <summary>The family id, e.g. <c>pra2002-sch4</c>.</summary>
    public string Family { get; }

    /// <summary>The version id, e.g. <c>2012-07-10</c>.</summary>
    public string Version { get; }

    /// <summary><c>ID@VERSION</c>.</summary>
    public string Id => Family + "@" + Version;

    /// <summary>Bumped when the version is corrected.</summary>
    public int Revision { get; }

    /// <summary>The title.</summary>
    public string Title { get; }

    /// <summary>The days it is in force.</summary>
    public EffectiveRange Effective { get; }

    /// <summary>The version it was written as an amendment of, if any.</summary>
    public string? Extends { get; }

    /// <summary>The sources relied on.</summary>
    public IReadOnlyList<string> Sources { get; }

    /// <summary>What changed from the previous version.</summary>
    public IReadOnlyList<string> Changes { get; }

    /// <summary>General clauses (consolidated).</summary>
    internal IReadOnlyList<GeneralClause> General { get; }

    /// <summary>Standard powers, conferred on every CSO (consolidated).</summary>
    public IReadOnlySet<string> Standard { get; }

    /// <summary>The powers conferred on CSOs, by id (consolidated).</summary>
    public IReadOnlyDictionary<string, PowerRule> Powers { get; }

    /// <summary>Why powers this version does not confer are not in force, where a file says (consolidated).</summary>
    internal IReadOnlyDictionary<string, PowerRemoval> Removals { get; init; } = new Dictionary<string, PowerRemoval>();

    /// <summary>Transitional rules keeping earlier rules for designations made before a day (consolidated).</summary>
    internal IReadOnlyList<Preservation> Preserved { get; init; } = [];

    /// <summary>Forces for which no power of this version is in force (<c>notInForceFor</c>), inherited through <c>extends</c>.</summary>
    internal IReadOnlyList<ForceExclusion> ForceExclusions { get; init; } = [];

    /// <summary>SHA-256 of the file and the files it extends, lower-case hex.</summary>
    public string Sha256 { get; }

    /// <summary>Where it is written.</summary>
    public Location Location { get; }
}
