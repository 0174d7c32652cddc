using System.Globalization;
using System.Text;
using Powers.Binding;
using Powers.Model;

namespace Powers.Benchmarks;

/// <summary>
/// Writes random query documents, one per line, for timing <c>powers query --input FILE.ndjson</c>: stored
/// designations, dates across the versions of the law, each fact given with probability 0.7.
/// </summary>
public static class NdjsonGenerator
{
    /// <summary>Writes <paramref name="count"/> queries to <paramref name="writer"/>.</summary>
    public static void Write(RuleLibrary library, TextWriter writer, int count, int seed)
    {
        ArgumentNullException.ThrowIfNull(library);
        ArgumentNullException.ThrowIfNull(writer);
        var random = new Random(seed);
        var dates = library.Versions.Where(v => !v.Effective.Never).Select(v => v.Effective.From.AddDays(30)).ToArray();
        var designations = library.Designations.Select(d => d.Id!).ToArray();
        var line = new StringBuilder(512);
        for (int i = 0; i < count; i++)
        {
            line.Clear();
            line.Append("{\"date\":\"").Append(dates[random.Next(dates.Length)].ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
                .Append("\",\"designation\":\"").Append(designations[random.Next(designations.Length)]).Append("\",\"facts\":{");
            bool first = true;
            foreach (var fact in library.Schema.Facts)
            {
                if (random.NextDouble() >= 0.7)
                {
                    continue;
                }

                if (!first)
                {
                    line.Append(',');
                }

                first = false;
                line.Append('"').Append(fact.Name).Append("\":");
                switch (fact.Kind)
                {
                    case FactKind.Bool:
                        line.Append(random.Next(2) == 0 ? "false" : "true");
                        break;
                    case FactKind.Enum:
                        line.Append('"').Append(fact.Values[random.Next(fact.Values.Count)]).Append('"');
                        break;
                    default:
                        line.Append(random.Next(400).ToString(CultureInfo.InvariantCulture));
                        break;
                }
            }

            line.Append("}}");
            writer.Write(line);
            writer.Write('\n');
        }
    }
}
