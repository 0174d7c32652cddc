using Powers.Binding;
using Powers.Evaluation;

namespace Powers.RulesEngine.Tests.TestSupport;

/// <summary>A situation as the facts object of a query document, the input a RulesEngine workflow reads.</summary>
internal static class SituationJson
{
    public static string Facts(Situation situation)
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
