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

    /// <summary>
    /// Stored designations, and ad-hoc ones of any force with any subset of the powers, half of them stating a made
    /// day (weighted, like query dates, towards the days transitional rules and versions start).
    /// </summary>
    public static Gen<Designation> Designations(RuleLibrary library)
    {
        ArgumentNullException.ThrowIfNull(library);
        var made = Gens.Frequency((1, Gen.Constant((DateOnly?)null)), (1, MadeDays(library).Select(d => (DateOnly?)d)));
        var adHoc = Gen.Elements(library.Forces.Select(f => f.Id).ToArray())
            .SelectMany(force => Gen.SubListOf(library.Powers.Select(p => p.Id).ToArray())
                .SelectMany(powers => made.Select(day => Designation.AdHoc(force, powers.ToHashSet(StringComparer.Ordinal), day))));
        return library.Designations.Count == 0 ? adHoc : Gens.Frequency((1, Gen.Elements(library.Designations.ToArray())), (1, adHoc));
    }

    /// <summary>Made days: any date, or a transitional rule's <c>madeBefore</c> day or the day before it.</summary>
    public static Gen<DateOnly> MadeDays(RuleLibrary library)
    {
        ArgumentNullException.ThrowIfNull(library);
        var edges = library.Versions.SelectMany(v => v.Preserved).SelectMany(p => new[] { p.MadeBefore, p.MadeBefore.AddDays(-1) }).Distinct().ToArray();
        return edges.Length == 0 ? Dates(library) : Gens.Frequency((1, Dates(library)), (1, Gen.Elements(edges)));
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

    /// <summary>Queries by date with an ad-hoc designation from a small pool (see <see cref="SharedAdHocQuery"/>).</summary>
    public static Gen<QueryCase> SharedAdHocQueries(RuleLibrary library, int knownPercent)
    {
        ArgumentNullException.ThrowIfNull(library);
        var pools = new List<HashSet<string>> { library.Powers.Select(p => p.Id).ToHashSet(StringComparer.Ordinal), new HashSet<string>(StringComparer.Ordinal) };
        pools.AddRange(library.Versions.SelectMany(v => v.Preserved).Select(p => p.Powers.ToHashSet(StringComparer.Ordinal)));
        var made = Gens.Frequency((1, Gen.Constant((DateOnly?)null)), (3, MadeDays(library).Select(d => (DateOnly?)d)));
        var designations = Gen.Elements(library.Forces.Take(2).Select(f => f.Id).ToArray())
            .SelectMany(force => Gen.Elements(pools.ToArray()).SelectMany(powers => made.Select(day => Designation.AdHoc(force, powers, day))));
        return Dates(library).SelectMany(date => designations.SelectMany(d => Situations(library, knownPercent).Select(s => new QueryCase(library, date, null, d, s))));
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
                yield return query.With(Designation.AdHoc(query.Designation.Force, fewer, query.Designation.Made));
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
