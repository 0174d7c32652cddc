namespace Powers.Binding;

/// <summary>A fact of the schema. Values are stored as integers: booleans 0/1, enums by their index.</summary>
public sealed class FactSymbol
{
    internal FactSymbol(string name, int index, FactKind kind, IReadOnlyList<string> values, int min, string text)
    {
        Name = name;
        Index = index;
        Kind = kind;
        Values = values;
        Min = min;
        Text = text;
    }

    /// <summary>The name, e.g. <c>inUniform</c>.</summary>
    public string Name { get; }

    /// <summary>The position in the schema, which is the fact's slot in a <see cref="Evaluation.Situation"/>.</summary>
    public int Index { get; }

    /// <summary>The type.</summary>
    public FactKind Kind { get; }

    /// <summary>For an enum, its values in order; otherwise empty.</summary>
    public IReadOnlyList<string> Values { get; }

    /// <summary>For an int, the least value allowed.</summary>
    public int Min { get; }

    /// <summary>What the fact means.</summary>
    public string Text { get; }

    /// <summary>The index of an enum value, or -1.</summary>
    public int IndexOfValue(string value)
    {
        for (int i = 0; i < Values.Count; i++)
        {
            if (Values[i] == value)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The type as written in messages: <c>bool</c>, <c>int</c>, <c>enum terrorismAuthorisation</c>.</summary>
    public string TypeName => Kind switch
    {
        FactKind.Bool => "bool",
        FactKind.Int => "int",
        _ => "enum " + Name,
    };

    /// <summary>The text of a stored value.</summary>
    public string FormatValue(int value) => Kind switch
    {
        FactKind.Bool => value != 0 ? "true" : "false",
        FactKind.Enum => value >= 0 && value < Values.Count ? Values[value] : "?",
        _ => value.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
