namespace Powers.Binding;

/// <summary>
/// A typed handle on an integer fact, from <see cref="FactSchema.Int"/>. Setting it below the fact's
/// <see cref="FactSymbol.Min"/> is rejected, as the JSON reader rejects it.
/// </summary>
public readonly record struct IntFact
{
    internal IntFact(FactSymbol symbol) => Symbol = symbol;

    /// <summary>The fact.</summary>
    public FactSymbol Symbol { get; }

    /// <summary>The least value allowed.</summary>
    public int Min => Symbol.Min;

    /// <inheritdoc />
    public override string ToString() => Symbol?.Name ?? string.Empty;
}
