using Powers.Binding;

namespace Powers.Analysis;

/// <summary>
/// Prints a union of cubes (the situations of one change) as a short, exact condition. First each cube's literals are
/// widened as far as the union allows (a literal is dropped, or an integer range or enum set grown, when the
/// situations that adds are already in the union: "implied terms dropped"), and cubes inside another are removed;
/// then literals every cube shares are taken out, and the literal most cubes share is taken out of those
/// ("common terms out"), recursively. The union is never changed, so the condition stays exact. Widening is tried
/// within a fixed amount of work (a covering check splits cubes); past it the cubes are printed as they are.
/// Recursion is bounded by the number of facts (a split fixes one fact more); the "or" of the remainder is a loop.
/// </summary>
internal static class ConditionFactoring
{
    private const int WidenCubeLimit = 400;
    private const int WidenWork = 200_000;

    public static string Print(List<Cube> cubes, FactSymbol[] facts, FactDomains domains, int[] sizes)
    {
        if (cubes.Count == 0)
        {
            return "false";
        }

        var sets = cubes.Select(c => c.Sets).ToList();
        if (sets.Count <= WidenCubeLimit)
        {
            sets = Widen(sets, sizes);
        }

        if (sets.Any(IsTrue))
        {
            return "true";
        }

        var literals = new LiteralPrinter(facts, domains);
        return Factor(sets, literals).Print(top: true);
    }

    private static bool IsTrue(int[]?[] cube) => cube.All(s => s is null);

    /// <summary>Grows each cube's literals while the union stays the same, then drops cubes inside another.</summary>
    private static List<int[]?[]> Widen(List<int[]?[]> cubes, int[] sizes)
    {
        var work = cubes.Select(c => (int[]?[])c.Clone()).ToList();
        int budget = WidenWork;
        for (int i = 0; i < work.Count && budget > 0; i++)
        {
            var cube = work[i];
            for (int k = 0; k < cube.Length && budget > 0; k++)
            {
                if (cube[k] is not { } set)
                {
                    continue;
                }

                var rest = Enumerable.Range(0, sizes[k]).Except(set).ToArray();
                if (rest.Length == 0 || Covered(With(cube, k, rest), work, sizes, ref budget))
                {
                    cube[k] = null;
                    continue;
                }

                // Otherwise grow it one value at a time (an integer range widens to a bound, an enum set to a negation).
                var grown = new List<int>(set);
                foreach (int v in rest)
                {
                    if (budget > 0 && Covered(With(cube, k, [v]), work, sizes, ref budget))
                    {
                        grown.Add(v);
                    }
                }

                cube[k] = [.. grown.Order()];
            }
        }

        // A cube inside another adds nothing.
        for (int i = work.Count - 1; i >= 0; i--)
        {
            for (int j = 0; j < work.Count; j++)
            {
                if (i != j && Contains(work[j], work[i]))
                {
                    work.RemoveAt(i);
                    break;
                }
            }
        }

        return work;
    }

    private static int[]?[] With(int[]?[] cube, int k, int[] set)
    {
        var copy = (int[]?[])cube.Clone();
        copy[k] = set;
        return copy;
    }

    /// <summary>Whether the union of <paramref name="cubes"/> holds every situation of <paramref name="q"/> (false when out of work).</summary>
    private static bool Covered(int[]?[] q, List<int[]?[]> cubes, int[] sizes, ref int budget)
    {
        if (--budget < 0)
        {
            return false;
        }

        var relevant = cubes.Where(c => Intersects(c, q)).ToList();
        if (relevant.Count == 0)
        {
            return false;
        }

        if (relevant.Any(c => Contains(c, q)))
        {
            return true;
        }

        // Split q on a fact the first cube restricts further: the half inside that set and the half outside it.
        var first = relevant[0];
        for (int k = 0; k < q.Length; k++)
        {
            if (first[k] is not { } f)
            {
                continue;
            }

            var all = q[k] ?? Enumerable.Range(0, sizes[k]).ToArray();
            var outside = all.Except(f).ToArray();
            if (outside.Length > 0)
            {
                return Covered(With(q, k, all.Intersect(f).ToArray()), relevant, sizes, ref budget)
                    && Covered(With(q, k, outside), relevant, sizes, ref budget);
            }
        }

        return false;
    }

    private static bool Intersects(int[]?[] a, int[]?[] b)
    {
        for (int k = 0; k < a.Length; k++)
        {
            if (a[k] is { } x && b[k] is { } y && !x.Intersect(y).Any())
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether <paramref name="outer"/> holds every situation of <paramref name="inner"/>.</summary>
    private static bool Contains(int[]?[] outer, int[]?[] inner)
    {
        for (int k = 0; k < outer.Length; k++)
        {
            if (outer[k] is not { } o)
            {
                continue;
            }

            if (inner[k] is not { } s || s.Except(o).Any())
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The factored form of a union of cubes, none of them true.</summary>
    private static Condition Factor(List<int[]?[]> cubes, LiteralPrinter literals)
    {
        var conjuncts = new List<Condition>();
        var disjuncts = new List<Condition>();
        var remaining = cubes;
        while (remaining.Count > 0)
        {
            if (remaining.Count == 1)
            {
                disjuncts.Add(Condition.All(literals.Of(remaining[0])));
                break;
            }

            // Literals every cube shares come out of the whole "or" (only before anything was split off it).
            if (disjuncts.Count == 0 && Common(remaining) is { Count: > 0 } common)
            {
                conjuncts.AddRange(common.Select(k => literals.Of(k, remaining[0][k]!)));
                remaining = remaining.Select(c => Without(c, common)).ToList();
                if (remaining.Any(IsTrue))
                {
                    remaining = [];
                }

                continue;
            }

            if (MostShared(remaining) is not { } best)
            {
                disjuncts.AddRange(remaining.Select(c => Condition.All(literals.Of(c))));
                break;
            }

            var with = remaining.Where(c => c[best.Fact] is { } s && s.SequenceEqual(best.Set)).Select(c => Without(c, [best.Fact])).ToList();
            remaining = remaining.Where(c => c[best.Fact] is not { } s || !s.SequenceEqual(best.Set)).ToList();
            var literal = literals.Of(best.Fact, best.Set);
            disjuncts.Add(with.Any(IsTrue) ? literal : Condition.All([literal, Factor(with, literals)]));
        }

        if (disjuncts.Count > 0)
        {
            conjuncts.Add(Condition.Any(disjuncts));
        }

        return Condition.All(conjuncts);
    }

    private static List<int> Common(List<int[]?[]> cubes)
    {
        var common = new List<int>();
        for (int k = 0; k < cubes[0].Length; k++)
        {
            if (cubes[0][k] is { } set && cubes.All(c => c[k] is { } s && s.SequenceEqual(set)))
            {
                common.Add(k);
            }
        }

        return common;
    }

    private static (int Fact, int[] Set)? MostShared(List<int[]?[]> cubes)
    {
        var counts = new Dictionary<(int, string), (int Count, int[] Set)>();
        foreach (var cube in cubes)
        {
            for (int k = 0; k < cube.Length; k++)
            {
                if (cube[k] is { } set)
                {
                    var key = (k, string.Join(',', set));
                    counts[key] = (counts.TryGetValue(key, out var c) ? c.Count + 1 : 1, set);
                }
            }
        }

        var best = counts.Where(c => c.Value.Count >= 2).OrderByDescending(c => c.Value.Count).ThenBy(c => c.Key.Item1).ThenBy(c => c.Key.Item2, StringComparer.Ordinal).FirstOrDefault();
        return best.Value.Set is null ? null : (best.Key.Item1, best.Value.Set);
    }

    private static int[]?[] Without(int[]?[] cube, List<int> facts)
    {
        var copy = (int[]?[])cube.Clone();
        foreach (int k in facts)
        {
            copy[k] = null;
        }

        return copy;
    }
}
