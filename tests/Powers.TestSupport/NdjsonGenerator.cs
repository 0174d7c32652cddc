using System.Globalization;
using System.Text;
using Powers.Binding;
using Powers.Model;

namespace Powers.TestSupport;

/// <summary>
/// Writes random query documents, one per line, for timing <c>powers query --input FILE.ndjson</c>: stored
/// designations, dates across the versions of the law, each fact given with probability 0.7 and drawn as
/// <see cref="RandomSituations"/> draws it.
/// </summary>
public static class NdjsonGenerator
{
    /// <summary>Writes <paramref name="count"/> queries to <paramref name="writer"/>.</summary>
    public static void Write(RuleLibrary library, TextWriter writer, int count, int seed)
    {
        ArgumentNullException.ThrowIfNull(library);
        ArgumentNullException.ThrowIfNull(writer);
        var random = new Random(seed);
        var situations = new RandomSituations(library, seed);
        var dates = library.Versions.Where(v => !v.Effective.Never).Select(v => v.Effective.From.AddDays(30)).ToArray();
        var designations = library.Designations.Select(d => d.Id!).ToArray();
        var line = new StringBuilder(512);
        for (int i = 0; i < count; i++)
        {
            line.Clear();
            line.Append("{\"date\":\"").Append(dates[random.Next(dates.Length)].ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
                .Append("\",\"designation\":\"").Append(designations[random.Next(designations.Length)]).Append("\",\"facts\":{");
            var situation = situations.Next(0.7);
            bool first = true;
            foreach (var fact in library.Schema.Facts)
            {
                if (!situation.IsKnown(fact.Index))
                {
                    continue;
                }

                if (!first)
                {
                    line.Append(',');
                }

                first = false;
                line.Append('"').Append(fact.Name).Append("\":");
                string value = fact.FormatValue(situation.ValueAt(fact.Index));
                if (fact.Kind == FactKind.Enum)
                {
                    line.Append('"').Append(value).Append('"');
                }
                else
                {
                    line.Append(value);
                }
            }

            line.Append("}}");
            writer.Write(line);
            writer.Write('\n');
        }
    }
}
