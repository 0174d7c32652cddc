namespace Powers.Binding;

/// <summary>
/// A typed handle on a boolean fact, from <see cref="FactSchema.Bool"/>: <c>situation.Set(inUniform, true)</c>
/// cannot be given a number or a string, so a host cannot store a value the JSON reader would refuse.
/// </summary>
public readonly record struct BoolFact
{
    internal BoolFact(FactSymbol symbol) => Symbol = symbol;

    /// <summary>The fact.</summary>
    public FactSymbol Symbol { get; }

    /// <inheritdoc />
    public override string ToString() => Symbol?.Name ?? string.Empty;
}
