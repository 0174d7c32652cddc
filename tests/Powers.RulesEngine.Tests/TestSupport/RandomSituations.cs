using Powers.Binding;
using Powers.Evaluation;

namespace Powers.RulesEngine.Tests.TestSupport;

/// <summary>Seeded random complete situations; integers near the thresholds the rules use.</summary>
internal static class RandomSituations
{
    private static readonly int[] Interesting = [0, 1, 2, 23, 24, 27, 28, 29, 30, 31, 47, 48, 49, 100, 335, 336, 337, 1000];

    public static Situation Complete(FactSchema schema, Random random)
    {
        var situation = new Situation(schema);
        foreach (var fact in schema.Facts)
        {
            int value = fact.Kind switch
            {
                FactKind.Bool => random.Next(2),
                FactKind.Enum => random.Next(fact.Values.Count),
                _ => Math.Max(fact.Min, Interesting[random.Next(Interesting.Length)]),
            };
            situation.Set(fact.Index, value);
        }

        return situation;
    }

    /// <summary>The situation as the facts object of a query document (JSON).</summary>
    public static string ToFactsJson(Situation situation)
    {
        var parts = new List<string>();
        foreach (var fact in situation.Schema.Facts)
        {
            if (situation.IsKnown(fact.Index))
            {
                string value = fact.Kind == FactKind.Enum ? "\"" + fact.FormatValue(situation.ValueAt(fact.Index)) + "\"" : fact.FormatValue(situation.ValueAt(fact.Index));
                parts.Add("\"" + fact.Name + "\": " + value);
            }
        }

        return "{ " + string.Join(", ", parts) + " }";
    }
}
