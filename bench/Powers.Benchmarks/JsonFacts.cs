using System.Dynamic;
using System.Text.Json;
using Powers.Binding;

namespace Powers.Benchmarks;

/// <summary>
/// The RulesEngine baseline's input: a query document's <c>facts</c> read with System.Text.Json into an
/// ExpandoObject, unknown facts at their defaults (false, the least integer, the first enum value), as the oracle
/// tests do, since RulesEngine is two-valued.
/// </summary>
public static class JsonFacts
{
    /// <summary>The facts of a parsed query document.</summary>
    public static ExpandoObject Expando(FactSchema schema, JsonElement query)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var expando = new ExpandoObject();
        IDictionary<string, object?> properties = expando;
        foreach (var fact in schema.Facts)
        {
            properties[fact.Name] = fact.Kind switch
            {
                FactKind.Bool => false,
                FactKind.Int => fact.Min,
                _ => fact.Values[0],
            };
        }

        if (query.TryGetProperty("facts", out var facts))
        {
            foreach (var property in facts.EnumerateObject())
            {
                properties[property.Name] = property.Value.ValueKind switch
                {
                    JsonValueKind.True => true,
                    JsonValueKind.False => false,
                    JsonValueKind.Number => property.Value.GetInt32(),
                    _ => property.Value.GetString(),
                };
            }
        }

        return expando;
    }
}
