using FsCheck;
using FsCheck.Fluent;
using Powers.Binding;
using Powers.Evaluation;
using Powers.Model;
using Powers.Properties.Tests.Support;
using Powers.TestSupport;

namespace Powers.Properties.Tests.Generators;

/// <summary>Generators and shrinkers for dates, designations, situations and whole queries against a library.</summary>
public static class QueryGenerators
{
    /// <summary>The first day dates are drawn from.</summary>
    public static readonly DateOnly FirstDate = new(2002, 1, 1);

    /// <summary>The last day dates are drawn from.</summary>
    public static readonly DateOnly LastDate = new(2020, 12, 31);

    /// <summary>Dates from 2002 to 2020, weighted towards the days versions and designations start and end.</summary>
    public static Gen<DateOnly> Dates(RuleLibrary library)
    {
        ArgumentNullException.ThrowIfNull(library);
        var boundaries = new SortedSet<DateOnly> { new(2002, 12, 1), new(2002, 12, 2), new(2003, 3, 31), new(2003, 4, 1) };
        foreach (var range in library.Versions.Select(v => v.Effective).Concat(library.Designations.Select(d => d.Effective)))
        {
            if (range.Never)
            {
                continue;
            }

            AddInside(boundaries, range.From.AddDays(-1));
            AddInside(boundaries, range.From);
            if (range.Until is { } until)
            {
                AddInside(boundaries, until);
                AddInside(boundaries, until.AddDays(1));
            }
        }

        int days = LastDate.DayNumber - FirstDate.DayNumber;
        return Gens.Frequency(
            (3, Gen.Choose(0, days).Select(d => FirstDate.AddDays(d))),
            (1, Gen.Elements(boundaries.ToArray())));
    }

    /// <summary>Stored designations, and ad-hoc ones of any force with any subset of the powers.</summary>
    public static Gen<Designation> Designations(RuleLibrary library)
    {
        ArgumentNullException.ThrowIfNull(library);
        var adHoc = Gen.Elements(library.Forces.Select(f => f.Id).ToArray())
            .SelectMany(force => Gen.SubListOf(library.Powers.Select(p => p.Id).ToArray()).Select(powers => Designation.AdHoc(force, powers.ToHashSet(StringComparer.Ordinal))));
        return library.Designations.Count == 0 ? adHoc : Gens.Frequency((1, Gen.Elements(library.Designations.ToArray())), (1, adHoc));
    }

    /// <summary>Situations: each fact known with probability <paramref name="knownPercent"/>; integers mostly at the library's thresholds.</summary>
    public static Gen<Situation> Situations(RuleLibrary library, int knownPercent)
    {
        ArgumentNullException.ThrowIfNull(library);
        var schema = library.Schema;
        int[][] ints = LibraryConstants.IntCandidates(library);
        var perFact = schema.Facts.Select(f => Gen.Choose(0, 99).SelectMany(roll => roll < knownPercent ? Value(f, ints[f.Index]).Select(v => (int?)v) : Gen.Constant((int?)null))).ToArray();
        return Gen.CollectToArray(perFact).Select(values =>
        {
            var situation = new Situation(schema);
            for (int i = 0; i < values.Length; i++)
            {
                if (values[i] is { } v)
                {
                    situation.Set(i, v);
                }
            }

            return situation;
        });
    }

    /// <summary>Whole queries: by date (mostly) or by an explicit version, any designation, a situation.</summary>
    public static Gen<QueryCase> Queries(RuleLibrary library, int knownPercent)
    {
        ArgumentNullException.ThrowIfNull(library);
        var byDate = Dates(library).Select(d => ((DateOnly?)d, (RuleSetVersion?)null));
        var byVersion = Gen.Elements(library.Versions.ToArray()).Select(v => ((DateOnly?)null, (RuleSetVersion?)v));
        var when = library.Versions.Count == 0 ? byDate : Gens.Frequency((4, byDate), (1, byVersion));
        return when.SelectMany(w => Designations(library).SelectMany(d => Situations(library, knownPercent).Select(s => new QueryCase(library, w.Item1, w.Item2, d, s))));
    }

    /// <summary>Smaller queries: facts reset to their least value, facts made unknown (when allowed), powers of an ad-hoc designation dropped.</summary>
    public static IEnumerable<QueryCase> Shrink(QueryCase query, bool unknowing)
    {
        ArgumentNullException.ThrowIfNull(query);
        var situation = query.Situation;
        foreach (var fact in situation.Schema.Facts)
        {
            if (!situation.IsKnown(fact.Index))
            {
                continue;
            }

            if (unknowing)
            {
                var fewer = situation.Clone();
                fewer.Unset(fact.Index);
                yield return query.With(fewer);
            }

            int least = fact.Kind == FactKind.Int ? fact.Min : 0;
            if (situation.ValueAt(fact.Index) != least)
            {
                var smaller = situation.Clone();
                smaller.Set(fact.Index, least);
                yield return query.With(smaller);
            }
        }

        if (query.Designation.Id is null)
        {
            foreach (string power in query.Designation.Powers.Order(StringComparer.Ordinal))
            {
                var fewer = query.Designation.Powers.Where(p => p != power).ToHashSet(StringComparer.Ordinal);
                yield return query.With(Designation.AdHoc(query.Designation.Force, fewer));
            }
        }
    }

    private static Gen<int> Value(FactSymbol fact, int[] intCandidates) => fact.Kind switch
    {
        FactKind.Bool => Gen.Choose(0, 1),
        FactKind.Enum => Gen.Choose(0, fact.Values.Count - 1),
        _ => Gens.Frequency((3, Gen.Elements(intCandidates)), (1, Gen.Choose(fact.Min, fact.Min + 500))),
    };

    private static void AddInside(SortedSet<DateOnly> dates, DateOnly date)
    {
        if (date >= FirstDate && date <= LastDate)
        {
            dates.Add(date);
        }
    }
}
