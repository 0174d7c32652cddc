namespace Powers.Binding;

/// <summary>The facts a situation may give, with their types. Immutable.</summary>
public sealed class FactSchema
{
    /// <summary>The most facts a schema may have: the engine packs the known-mask of a situation into 64 bits.</summary>
    public const int MaxFacts = 64;

    private readonly Dictionary<string, FactSymbol> _byName;

    internal FactSchema(IReadOnlyList<FactSymbol> facts)
    {
        Facts = facts;
        _byName = facts.ToDictionary(f => f.Name, StringComparer.Ordinal);
    }

    /// <summary>The facts in schema order.</summary>
    public IReadOnlyList<FactSymbol> Facts { get; }

    /// <summary>The number of facts.</summary>
    public int Count => Facts.Count;

    /// <summary>The names of all facts, for "did you mean".</summary>
    public IEnumerable<string> Names => _byName.Keys;

    /// <summary>Looks a fact up by name.</summary>
    public bool TryGet(string name, out FactSymbol fact) => _byName.TryGetValue(name, out fact!);
}
