using System.Globalization;
using System.Text;
using Powers.Binding;
using Powers.Model;
using Powers.TestSupport;

namespace Powers.Benchmarks;

/// <summary>
/// Writes random query documents with ad-hoc designations, the shape every force but the Met uses: 8 forces with
/// 2 sets of powers each, a third of them stating a made day (any day from 2003 to 2020, so most lines state a day
/// no other line does), dates across the versions of the law, each fact given with probability 0.7.
/// </summary>
public static class AdHocNdjsonGenerator
{
    /// <summary>Writes <paramref name="count"/> queries to <paramref name="writer"/>.</summary>
    public static void Write(RuleLibrary library, TextWriter writer, int count, int seed)
    {
        ArgumentNullException.ThrowIfNull(library);
        ArgumentNullException.ThrowIfNull(writer);
        var random = new Random(seed);
        var situations = new RandomSituations(library, seed);
        var dates = library.Versions.Where(v => !v.Effective.Never).Select(v => v.Effective.From.AddDays(30)).ToArray();
        var designations = new List<string>();
        foreach (var force in library.Forces.Take(8))
        {
            for (int set = 0; set < 2; set++)
            {
                var powers = library.Powers.Where(_ => random.Next(2) == 0).Select(p => "\"" + p.Id + "\"");
                designations.Add("{\"force\":\"" + force.Id + "\",\"powers\":[" + string.Join(",", powers) + "]");
            }
        }

        var firstMade = new DateOnly(2003, 1, 1);
        int madeDays = new DateOnly(2020, 12, 31).DayNumber - firstMade.DayNumber;
        var line = new StringBuilder(512);
        for (int i = 0; i < count; i++)
        {
            line.Clear();
            line.Append("{\"date\":\"").Append(dates[random.Next(dates.Length)].ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
                .Append("\",\"designation\":").Append(designations[random.Next(designations.Count)]);
            if (random.Next(3) == 0)
            {
                line.Append(",\"made\":\"").Append(firstMade.AddDays(random.Next(madeDays)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append('"');
            }

            line.Append("},\"facts\":{");
            var situation = situations.Next(0.7);
            bool first = true;
            foreach (var fact in library.Schema.Facts)
            {
                if (!situation.IsKnown(fact.Index))
                {
                    continue;
                }

                line.Append(first ? "\"" : ",\"").Append(fact.Name).Append("\":");
                first = false;
                string value = fact.FormatValue(situation.ValueAt(fact.Index));
                line.Append(fact.Kind == FactKind.Enum ? "\"" + value + "\"" : value);
            }

            line.Append("}}\n");
            writer.Write(line);
        }
    }
}
