using Powers.Binding;
using Powers.Evaluation;

namespace Powers.Analysis;

/// <summary>
/// The finite domain of each fact the analysis enumerates: both booleans, every enum value, and for an integer one
/// value from each class its comparisons tell apart. The classes of an integer fact are cut at the constants it is
/// compared with (and at the values of known facts it is compared with): the least value, each constant c, and c + 1
/// represent every class. Integers compared with each other, directly or through others, form a group: they share
/// the group's constants and get g more points after each (g the size of the group), so every order between them is
/// represented too. Groups are kept apart, since facts never compared cannot be ordered by any clause: two
/// comparisons <c>a == b</c> and <c>c &lt; d</c> make two groups of 2, not one of 4 (whose points multiply).
/// </summary>
internal sealed class FactDomains
{
    private readonly Dictionary<int, int[]> _values = [];
    private readonly Dictionary<int, (UInt128 Members, long[] Cuts)> _groups = [];

    private FactDomains()
    {
    }

    /// <summary>Whether some free integer fact is compared with another free one (its points are then not intervals).</summary>
    public bool HasLinkedIntegers { get; private set; }

    /// <summary>
    /// The fact's domain points (unknown is tried separately): what a cube's sets index, and for a fact compared
    /// with no other, the values to try.
    /// </summary>
    public int[] ValuesOf(FactSymbol fact) => _values[fact.Index];

    /// <summary>
    /// The values to try for a fact when the facts in <paramref name="fixedMask"/> are fixed as
    /// <paramref name="situation"/> has them. For an integer of a group compared with each other, only what tells its
    /// order apart: each cut (the group's constants and the values its fixed members took), and in each gap between
    /// cuts one value with room for the group's members still free on either side, or every value of a gap too narrow
    /// for that. Any order of the group against its constants is still reached, by far fewer values than
    /// <see cref="ValuesOf"/> (whose points must serve every order at once): the search multiplies one count per
    /// member, so this is the difference between thousands and millions of classes.
    /// </summary>
    public int[] PointsFor(FactSymbol fact, Situation situation, UInt128 fixedMask)
    {
        if (!_groups.TryGetValue(fact.Index, out var group))
        {
            return _values[fact.Index];
        }

        var cuts = new SortedSet<long>(group.Cuts);
        UInt128 others = group.Members & ~(UInt128.One << fact.Index);
        int room = 0;
        for (UInt128 rest = others; rest != UInt128.Zero; rest &= rest - UInt128.One)
        {
            int member = (int)UInt128.TrailingZeroCount(rest);
            if ((fixedMask >> member & UInt128.One) == UInt128.Zero)
            {
                room++;
            }
            else if (situation.IsKnown(member))
            {
                cuts.Add(situation.ValueAt(member));
            }
        }

        var points = new List<int>();
        long low = fact.Min;
        foreach (long cut in cuts)
        {
            if (cut < fact.Min || cut > int.MaxValue)
            {
                continue;
            }

            Gap(points, low, cut - 1, room);
            points.Add((int)cut);
            low = cut + 1;
        }

        Gap(points, low, int.MaxValue, room);
        return [.. points];
    }

    /// <summary>The index of the domain point whose class holds <paramref name="value"/> (the last point not above it).</summary>
    public int IndexOf(FactSymbol fact, int value)
    {
        var domain = _values[fact.Index];
        int i = Array.BinarySearch(domain, value);
        return i >= 0 ? i : Math.Max(0, ~i - 1);
    }

    private static void Gap(List<int> points, long low, long high, int room)
    {
        if (low > high)
        {
            return;
        }

        if (high - low + 1 <= 2L * room + 1)
        {
            for (long v = low; v <= high; v++)
            {
                points.Add((int)v);
            }

            return;
        }

        points.Add((int)(low + room));
    }

    /// <summary>Domains for the facts in <paramref name="free"/>, from the comparisons in <paramref name="terms"/>.</summary>
    public static FactDomains Build(FactSchema schema, IEnumerable<Term> terms, UInt128 free, Situation? known = null)
    {
        var constants = new Dictionary<int, HashSet<long>>();
        var linked = new Dictionary<int, int>();
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

        var groups = new Dictionary<int, (HashSet<long> Shared, int Size)>();
        foreach (int index in linked.Keys)
        {
            int root = Root(linked, index);
            if (!groups.TryGetValue(root, out var group))
            {
                group = ([], 0);
            }

            if (constants.TryGetValue(index, out var set))
            {
                group.Shared.UnionWith(set);
            }

            groups[root] = (group.Shared, group.Size + 1);
        }

        var domains = new FactDomains { HasLinkedIntegers = linked.Count > 0 };
        foreach (int index in linked.Keys)
        {
            UInt128 members = UInt128.Zero;
            foreach (int other in linked.Keys)
            {
                if (Root(linked, other) == Root(linked, index))
                {
                    members |= UInt128.One << other;
                }
            }

            domains._groups[index] = (members, [.. groups[Root(linked, index)].Shared.Order()]);
        }

        foreach (var fact in schema.Facts)
        {
            if ((free >> fact.Index & UInt128.One) == UInt128.Zero)
            {
                continue;
            }

            domains._values[fact.Index] = fact.Kind switch
            {
                FactKind.Bool => [0, 1],
                FactKind.Enum => Enumerable.Range(0, fact.Values.Count).ToArray(),
                _ => linked.ContainsKey(fact.Index) && groups[Root(linked, fact.Index)] is var g
                    ? IntegerPoints(fact, constants.GetValueOrDefault(fact.Index), g.Shared, g.Size)
                    : IntegerPoints(fact, constants.GetValueOrDefault(fact.Index), null, 0),
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

    /// <summary>The representative of a fact's group (union-find over the comparisons between free integer facts).</summary>
    private static int Root(Dictionary<int, int> parent, int index)
    {
        while (parent[index] != index)
        {
            index = parent[index];
        }

        return index;
    }

    private static void Link(Dictionary<int, int> parent, int a, int b)
    {
        parent.TryAdd(a, a);
        parent.TryAdd(b, b);
        int ra = Root(parent, a);
        int rb = Root(parent, b);
        if (ra != rb)
        {
            parent[Math.Max(ra, rb)] = Math.Min(ra, rb);
        }
    }

    private static void Collect(BoundExpression expression, Dictionary<int, HashSet<long>> constants, Dictionary<int, int> linked, UInt128 free, Situation? known)
    {
        switch (expression)
        {
            case BoundComparison { Left: BoundFact l, Right: BoundFact r } when l.Fact.Kind == FactKind.Int:
                bool lFree = (free >> l.Fact.Index & UInt128.One) != UInt128.Zero;
                bool rFree = (free >> r.Fact.Index & UInt128.One) != UInt128.Zero;
                if (lFree && rFree)
                {
                    Link(linked, l.Fact.Index, r.Fact.Index);
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
