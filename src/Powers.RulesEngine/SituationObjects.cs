using System.Dynamic;
using Powers.Binding;
using Powers.Evaluation;

namespace Powers.RulesEngine;

/// <summary>A situation as the object an exported workflow reads: one property per fact, by its domain name.</summary>
public static class SituationObjects
{
    /// <summary>
    /// An <see cref="ExpandoObject"/> with a property for every fact of the schema: booleans, integers, enum values
    /// as strings. A fact that is unknown takes its type's default (false, the least value, the first enum value),
    /// so give a complete situation when the answer matters.
    /// </summary>
    public static ExpandoObject ToExpando(Situation situation)
    {
        ArgumentNullException.ThrowIfNull(situation);
        var expando = new ExpandoObject();
        IDictionary<string, object?> properties = expando;
        foreach (var fact in situation.Schema.Facts)
        {
            bool known = situation.IsKnown(fact.Index);
            int value = situation.ValueAt(fact.Index);
            properties[fact.Name] = fact.Kind switch
            {
                FactKind.Bool => known && value != 0,
                FactKind.Int => known ? value : fact.Min,
                _ => fact.Values.Count == 0 ? string.Empty : fact.Values[known && value >= 0 && value < fact.Values.Count ? value : 0],
            };
        }

        return expando;
    }
}
