namespace Powers.Analysis;

/// <summary>
/// A product of value sets, one per fact of a list: the situations a search leaf stands for. A null set means any
/// value of the fact's domain. Sets hold sorted indices into the domain.
/// </summary>
internal sealed class Cube
{
    public Cube(int[]?[] sets) => Sets = sets;

    public int[]?[] Sets { get; }

    /// <summary>
    /// Joins cubes that differ in the set of one fact only (hashing the other sets, so a pass is linear), until
    /// nothing joins; then drops cubes inside another when there are few enough to compare pairwise.
    /// </summary>
    public static List<Cube> Merge(List<Cube> cubes, int[] domainSizes)
    {
        var work = new List<Cube>(cubes);
        int width = domainSizes.Length;
        bool changed = true;
        while (changed)
        {
            changed = false;
            for (int k = 0; k < width; k++)
            {
                var byRest = new Dictionary<string, Cube>(StringComparer.Ordinal);
                var next = new List<Cube>(work.Count);
                foreach (var cube in work)
                {
                    if (cube.Sets[k] is null)
                    {
                        next.Add(cube);
                        continue;
                    }

                    string key = KeyWithout(cube, k);
                    if (byRest.TryGetValue(key, out var other))
                    {
                        if (other.Sets[k] is null)
                        {
                            // Already joined into every value of this fact: the cube adds nothing.
                            changed = true;
                            continue;
                        }

                        var union = other.Sets[k]!.Union(cube.Sets[k]!).Order().ToArray();
                        var sets = (int[]?[])other.Sets.Clone();
                        sets[k] = union.Length == domainSizes[k] ? null : union;
                        byRest[key] = new Cube(sets);
                        changed = true;
                    }
                    else
                    {
                        byRest.Add(key, cube);
                    }
                }

                next.AddRange(byRest.Values);
                work = next;
            }
        }

        if (work.Count <= 500)
        {
            for (int i = work.Count - 1; i >= 0; i--)
            {
                for (int j = 0; j < work.Count; j++)
                {
                    if (i != j && i < work.Count && Within(work[i], work[j]))
                    {
                        work.RemoveAt(i);
                        break;
                    }
                }
            }
        }

        return work;
    }

    private static string KeyWithout(Cube cube, int skip)
    {
        var b = new System.Text.StringBuilder();
        for (int k = 0; k < cube.Sets.Length; k++)
        {
            b.Append(k == skip ? "*" : cube.Sets[k] is { } s ? string.Join(',', s) : "-").Append('|');
        }

        return b.ToString();
    }

    private static bool Within(Cube inner, Cube outer)
    {
        for (int k = 0; k < inner.Sets.Length; k++)
        {
            if (outer.Sets[k] is not { } o)
            {
                continue;
            }

            if (inner.Sets[k] is not { } s || s.Except(o).Any())
            {
                return false;
            }
        }

        return true;
    }
}
