using System.Globalization;
using System.Text;
using FsCheck;
using Powers.Binding;
using Powers.Evaluation;
using Powers.Properties.Tests.Generators;
using Powers.Properties.Tests.Support;
using Powers.Queries;
using Powers.TestSupport;

namespace Powers.Properties.Tests.Evaluation;

public class TypedSituationProperties
{
    [PowersProperty]
    public void Set_AnySequenceOfTypedCalls_JsonReaderAcceptsTheSituation(TypedCalls calls)
    {
        var library = ShippedLibrary.Instance;
        var situation = new Situation(library.Schema);
        foreach (var call in calls.Calls)
        {
            var before = situation.Clone();
            if (call.Apply(situation) is { } rejected)
            {
                PropertyViolationException.Check(Same(before, situation), () => call + " was rejected (" + rejected.Message + ") but changed the situation.");
            }
        }

        string json = """{"date":"2013-03-01","designation":"met-2002-security","facts":""" + FactsJson(situation) + "}";
        var errors = new List<QueryError>();
        var read = QueryReader.Parse(library, json, errors);
        PropertyViolationException.Check(errors.Count == 0, () => "the JSON reader refuses " + json + ": " + string.Join("; ", errors));
        PropertyViolationException.Check(Same(situation, read!.Situation), () => "the JSON reader reads " + json + " as another situation.");
    }

    private static bool Same(Situation a, Situation b)
    {
        if (a.KnownMask != b.KnownMask)
        {
            return false;
        }

        for (int i = 0; i < a.Schema.Count; i++)
        {
            if (a.IsKnown(i) && a.ValueAt(i) != b.ValueAt(i))
            {
                return false;
            }
        }

        return true;
    }

    // Writes the facts as a host would send them, by the schema's meaning of each slot and not through the engine's writers.
    private static string FactsJson(Situation situation)
    {
        var text = new StringBuilder("{");
        foreach (var fact in situation.Schema.Facts)
        {
            if (!situation.IsKnown(fact.Index))
            {
                continue;
            }

            if (text.Length > 1)
            {
                text.Append(',');
            }

            int value = situation.ValueAt(fact.Index);
            text.Append('"').Append(fact.Name).Append("\":").Append(fact.Kind switch
            {
                FactKind.Bool => value switch { 0 => "false", 1 => "true", _ => value.ToString(CultureInfo.InvariantCulture) },
                FactKind.Int => value.ToString(CultureInfo.InvariantCulture),
                _ => value >= 0 && value < fact.Values.Count ? "\"" + fact.Values[value] + "\"" : value.ToString(CultureInfo.InvariantCulture),
            });
        }

        return text.Append('}').ToString();
    }
}
