using Powers.Binding;
using Powers.Evaluation;

namespace Powers.Analysis;

/// <summary>
/// The finite domain of each fact the analysis enumerates: both booleans, every enum value, and for an integer one
/// value from each class its comparisons tell apart. The classes of an integer fact are cut at the constants it is
/// compared with (and at the values of known facts it is compared with): the least value, each constant c, and c + 1
/// represent every class. Integers compared with each other share their constants and get g more points after each
/// (g the number of such facts), so every order between them is represented too.
/// </summary>
internal sealed class FactDomains
{
    private readonly Dictionary<int, int[]> _values = [];

    private FactDomains()
    {
    }

    /// <summary>Whether some free integer fact is compared with another free one (its points are then not intervals).</summary>
    public bool HasLinkedIntegers { get; private set; }

    /// <summary>The known values to try for a fact (unknown is tried separately).</summary>
    public int[] ValuesOf(FactSymbol fact) => _values[fact.Index];

    /// <summary>Domains for the facts in <paramref name="free"/>, from the comparisons in <paramref name="terms"/>.</summary>
    public static FactDomains Build(FactSchema schema, IEnumerable<Term> terms, ulong free, Situation? known = null)
    {
        var constants = new Dictionary<int, HashSet<long>>();
        var linked = new HashSet<int>();
        var stack = new Stack<Term>(terms);
        while (stack.Count > 0)
        {
            switch (stack.Pop())
            {
                case NotTerm n:
                    stack.Push(n.Operand);
                    break;
                case JunctionTerm j:
                    foreach (var o in j.Operands)
                    {
                        stack.Push(o);
                    }

                    break;
                case AtomTerm a:
                    Collect(a.Expression, constants, linked, free, known);
                    break;
            }
        }

        var shared = new HashSet<long>();
        foreach (int index in linked)
        {
            if (constants.TryGetValue(index, out var set))
            {
                shared.UnionWith(set);
            }
        }

        var domains = new FactDomains { HasLinkedIntegers = linked.Count > 0 };
        foreach (var fact in schema.Facts)
        {
            if ((free >> fact.Index & 1) == 0)
            {
                continue;
            }

            domains._values[fact.Index] = fact.Kind switch
            {
                FactKind.Bool => [0, 1],
                FactKind.Enum => Enumerable.Range(0, fact.Values.Count).ToArray(),
                _ => IntegerPoints(fact, constants.GetValueOrDefault(fact.Index), linked.Contains(fact.Index) ? shared : null, linked.Count),
            };
        }

        return domains;
    }

    private static int[] IntegerPoints(FactSymbol fact, HashSet<long>? own, HashSet<long>? shared, int linkedCount)
    {
        var cuts = new HashSet<long>();
        if (own is not null)
        {
            cuts.UnionWith(own);
        }

        if (shared is not null)
        {
            cuts.UnionWith(shared);
        }

        int extra = shared is null ? 1 : linkedCount;
        var points = new SortedSet<long>();
        for (int k = 0; k < extra; k++)
        {
            points.Add(fact.Min + (long)k);
        }

        foreach (long c in cuts)
        {
            for (int k = 0; k <= extra; k++)
            {
                points.Add(c + k);
            }
        }

        return points.Where(p => p >= fact.Min && p <= int.MaxValue).Select(p => (int)p).ToArray();
    }

    private static void Collect(BoundExpression expression, Dictionary<int, HashSet<long>> constants, HashSet<int> linked, ulong free, Situation? known)
    {
        switch (expression)
        {
            case BoundComparison { Left: BoundFact l, Right: BoundFact r } when l.Fact.Kind == FactKind.Int:
                bool lFree = (free >> l.Fact.Index & 1) != 0;
                bool rFree = (free >> r.Fact.Index & 1) != 0;
                if (lFree && rFree)
                {
                    linked.Add(l.Fact.Index);
                    linked.Add(r.Fact.Index);
                }
                else if (lFree && known is not null && known.IsKnown(r.Fact.Index))
                {
                    Add(constants, l.Fact.Index, known.ValueAt(r.Fact.Index));
                }
                else if (rFree && known is not null && known.IsKnown(l.Fact.Index))
                {
                    Add(constants, r.Fact.Index, known.ValueAt(l.Fact.Index));
                }

                break;
            case BoundComparison { Left: BoundFact f, Right: BoundConstant c } when f.Fact.Kind == FactKind.Int:
                Add(constants, f.Fact.Index, c.Value);
                break;
            case BoundComparison { Left: BoundConstant c, Right: BoundFact f } when f.Fact.Kind == FactKind.Int:
                Add(constants, f.Fact.Index, c.Value);
                break;
            case BoundIn { Operand: BoundFact f } @in when f.Fact.Kind == FactKind.Int:
                foreach (int v in @in.Values)
                {
                    Add(constants, f.Fact.Index, v);
                }

                break;
        }
    }

    private static void Add(Dictionary<int, HashSet<long>> constants, int index, long value)
    {
        if (!constants.TryGetValue(index, out var set))
        {
            set = [];
            constants.Add(index, set);
        }

        set.Add(value);
    }
}
