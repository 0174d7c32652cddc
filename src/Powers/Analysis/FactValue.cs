using Powers.Binding;

namespace Powers.Analysis;

/// <summary>A value for a fact, as stored (0/1 for a bool, the index of an enum value).</summary>
public sealed class FactValue
{
    internal FactValue(FactSymbol fact, int value)
    {
        Fact = fact;
        Value = value;
    }

    /// <summary>The fact.</summary>
    public FactSymbol Fact { get; }

    /// <summary>The stored value.</summary>
    public int Value { get; }

    /// <summary>The value as a query document writes it: a JSON literal.</summary>
    public string JsonText => Fact.Kind == FactKind.Enum ? "\"" + Fact.FormatValue(Value) + "\"" : Fact.FormatValue(Value);

    /// <inheritdoc />
    public override string ToString() => Fact.Name + "=" + Fact.FormatValue(Value);
}
