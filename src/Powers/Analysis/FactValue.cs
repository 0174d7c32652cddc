using Powers.Binding;

namespace Powers.Analysis;

/// <summary>A value for a fact, as stored (0/1 for a bool, the index of an enum value).</summary>
/// <param name="Fact">The fact.</param>
/// <param name="Value">The stored value.</param>
public sealed record FactValue(FactSymbol Fact, int Value)
{
    /// <summary>The value as a query document writes it: a JSON literal.</summary>
    public string JsonText => Fact.Kind == FactKind.Enum ? "\"" + Fact.FormatValue(Value) + "\"" : Fact.FormatValue(Value);

    /// <inheritdoc />
    public override string ToString() => Fact.Name + "=" + Fact.FormatValue(Value);
}
