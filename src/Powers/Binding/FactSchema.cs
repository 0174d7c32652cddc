using Powers.Diagnostics;

namespace Powers.Binding;

/// <summary>The facts a situation may give, with their types. Immutable.</summary>
public sealed class FactSchema
{
    /// <summary>The most facts a schema may have: the engine packs the known-mask of a situation into 128 bits.</summary>
    public const int MaxFacts = 128;

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

    /// <summary>A fact by name; throws <see cref="ArgumentException"/> naming the closest fact when there is none.</summary>
    public FactSymbol Get(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return _byName.TryGetValue(name, out var fact)
            ? fact
            : throw new ArgumentException(UnknownFact(name), nameof(name));
    }

    /// <summary>The typed handle on a boolean fact; throws <see cref="ArgumentException"/> for an unknown name or another type.</summary>
    public BoolFact Bool(string name) => new(GetOfKind(name, FactKind.Bool));

    /// <summary>The typed handle on an integer fact; throws <see cref="ArgumentException"/> for an unknown name or another type.</summary>
    public IntFact Int(string name) => new(GetOfKind(name, FactKind.Int));

    /// <summary>The typed handle on an enum fact; throws <see cref="ArgumentException"/> for an unknown name or another type.</summary>
    public EnumFact Enum(string name) => new(GetOfKind(name, FactKind.Enum));

    /// <summary>Whether a symbol is this schema's own (a symbol of another library's schema may share an index).</summary>
    public bool Contains(FactSymbol fact) => fact is not null && fact.Index < Facts.Count && ReferenceEquals(Facts[fact.Index], fact);

    /// <summary>The message for an unknown fact name, with a suggestion: the JSON reader's wording.</summary>
    internal string UnknownFact(string name) => "unknown fact '" + name + "'" + DidYouMean.Suffix(name, Names);

    private FactSymbol GetOfKind(string name, FactKind kind)
    {
        var fact = Get(name);
        return fact.Kind == kind
            ? fact
            : throw new ArgumentException(name + ": is " + fact.TypeName + ", not " + (kind switch { FactKind.Bool => "bool", FactKind.Int => "int", _ => "enum" }), nameof(name));
    }
}
