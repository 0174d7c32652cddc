namespace Powers.Binding;

/// <summary>
/// A typed handle on an enum fact, from <see cref="FactSchema.Enum"/>, set by value name
/// (<c>situation.Set(searchOf, "vehicle")</c>); a name that is not one of its values is rejected.
/// </summary>
public readonly record struct EnumFact
{
    internal EnumFact(FactSymbol symbol) => Symbol = symbol;

    /// <summary>The fact.</summary>
    public FactSymbol Symbol { get; }

    /// <summary>The value names, in order.</summary>
    public IReadOnlyList<string> Values => Symbol.Values;

    /// <inheritdoc />
    public override string ToString() => Symbol?.Name ?? string.Empty;
}
