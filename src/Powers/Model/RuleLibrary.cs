using Powers.Binding;

namespace Powers.Model;

/// <summary>
/// A compiled rule library: fact schema, power catalogue, forces, every version of the law, designations and
/// golden cases. Immutable and safe to share across threads; a reload builds a new one.
/// </summary>
public sealed class RuleLibrary
{
    private readonly Dictionary<string, int> _powerIndex;
    private readonly Dictionary<string, Force> _forces;
    private readonly Dictionary<string, Designation> _designations;

    internal RuleLibrary(FactSchema schema, IReadOnlyList<PowerDefinition> powers, IReadOnlyList<Force> forces, IReadOnlyList<RuleSetVersion> versions, IReadOnlyList<Designation> designations, IReadOnlyList<GoldenCase> cases, IReadOnlyList<Assertion>? assertions = null)
    {
        Assertions = assertions ?? [];
        Schema = schema;
        Powers = powers;
        Forces = forces;
        Versions = versions;
        Designations = designations;
        Cases = cases;
        _powerIndex = powers.ToDictionary(p => p.Id, p => p.Index, StringComparer.Ordinal);
        _forces = forces.ToDictionary(f => f.Id, StringComparer.Ordinal);
        _designations = designations.ToDictionary(d => d.Id!, StringComparer.Ordinal);
        Families = versions.Select(v => v.Family).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
    }

    /// <summary>The fact schema.</summary>
    public FactSchema Schema { get; }

    /// <summary>The power catalogue, in decision order.</summary>
    public IReadOnlyList<PowerDefinition> Powers { get; }

    /// <summary>The forces.</summary>
    public IReadOnlyList<Force> Forces { get; }

    /// <summary>Every version, ordered by family and effective date (never-in-force versions first).</summary>
    public IReadOnlyList<RuleSetVersion> Versions { get; }

    /// <summary>The designations, by id order.</summary>
    public IReadOnlyList<Designation> Designations { get; }

    /// <summary>The golden cases.</summary>
    internal IReadOnlyList<GoldenCase> Cases { get; }

    /// <summary>The assertions (what must hold over every situation), in file and then written order.</summary>
    internal IReadOnlyList<Assertion> Assertions { get; }

    /// <summary>The rule set families, in order.</summary>
    public IReadOnlyList<string> Families { get; }

    /// <summary>The family a query without <c>ruleset</c> uses: the first family.</summary>
    public string? DefaultFamily => Families.Count > 0 ? Families[0] : null;

    /// <summary>The catalogue index of a power id, or -1.</summary>
    public int IndexOfPower(string id) => _powerIndex.TryGetValue(id, out int index) ? index : -1;

    /// <summary>Looks up a force.</summary>
    public bool TryGetForce(string id, out Force force) => _forces.TryGetValue(id, out force!);

    /// <summary>Looks up a designation.</summary>
    public bool TryGetDesignation(string id, out Designation designation) => _designations.TryGetValue(id, out designation!);

    /// <summary>The version of a family in force on a date, or null.</summary>
    public RuleSetVersion? VersionInForce(string family, DateOnly date)
    {
        foreach (var v in Versions)
        {
            if (v.Family == family && v.Effective.Contains(date))
            {
                return v;
            }
        }

        return null;
    }

    /// <summary>A version by family and version id, or null.</summary>
    public RuleSetVersion? FindVersion(string family, string version)
    {
        foreach (var v in Versions)
        {
            if (v.Family == family && v.Version == version)
            {
                return v;
            }
        }

        return null;
    }
}
