using Powers.Diagnostics;

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

    /// <summary>
    /// Why a stored value is not a value of this fact (the JSON reader's wording where it has one), or null when
    /// it is one: a bool stores 0 or 1, an enum the index of one of its values, an int at least <see cref="Min"/>.
    /// </summary>
    internal string? RejectStored(int value) => Kind switch
    {
        FactKind.Bool when value is not (0 or 1) => "expected true or false (stored as 0 or 1), not " + Format(value),
        FactKind.Int when value < Min => "must be " + Format(Min) + " or more, not " + Format(value),
        FactKind.Enum when value < 0 || value >= Values.Count => "stored value " + Format(value) + " is not the index of one of '" + string.Join("', '", Values) + "' (0 to " + Format(Values.Count - 1) + ")",
        _ => null,
    };

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
        _ => Format(value),
    };

    /// <summary>The message for a name that is not one of this enum fact's values, with a suggestion.</summary>
    internal string NotAValue(string text) =>
        "'" + text + "' is not one of '" + string.Join("', '", Values) + "'" + DidYouMean.Suffix(text, Values);

    private static string Format(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
