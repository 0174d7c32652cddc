namespace Powers.Binding;

/// <summary>The type of a bound expression: bool, int, an enum (named by its fact), or error.</summary>
public readonly record struct BoundType(FactKind Kind, FactSymbol? EnumFact, bool IsError = false)
{
    /// <summary>bool.</summary>
    public static BoundType Bool => new(FactKind.Bool, null);

    /// <summary>int.</summary>
    public static BoundType Int => new(FactKind.Int, null);

    /// <summary>The type of a binding error; never reported again.</summary>
    public static BoundType Error => new(FactKind.Bool, null, IsError: true);

    /// <summary>The type of a fact's values.</summary>
    public static BoundType Of(FactSymbol fact) => fact.Kind == FactKind.Enum ? new(FactKind.Enum, fact) : new(fact.Kind, null);

    /// <summary>Whether two types can be compared with <c>==</c>.</summary>
    public bool SameAs(BoundType other) => !IsError && !other.IsError && Kind == other.Kind && ReferenceEquals(EnumFact, other.EnumFact);

    /// <inheritdoc />
    public override string ToString() => IsError ? "?" : Kind switch
    {
        FactKind.Bool => "bool",
        FactKind.Int => "int",
        _ => "enum " + EnumFact!.Name,
    };
}
