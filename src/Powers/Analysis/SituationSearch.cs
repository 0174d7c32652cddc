using Powers.Binding;
using Powers.Evaluation;

namespace Powers.Analysis;

/// <summary>
/// Exhaustive, pruned enumeration of situations: fixes one free fact at a time to each value of its domain (and,
/// when asked, to unknown), substitutes it into every term, and stops descending as soon as no term reads a free
/// fact any more. Each leaf therefore stands for every completion of the facts not yet fixed, all of which give
/// the terms the same values. Values of a fact that leave the same residual terms are one class, searched once
/// (<see cref="Chosen"/> holds the class on the current path): a fact compared with many constants costs as many
/// branches as the outcomes it can still lead to, not as many as its points. Depth is bounded by the number of facts
/// (at most FactSchema.MaxFacts, 128); work, kept cases and time by the <see cref="AnalysisMeter"/>.
/// </summary>
internal sealed class SituationSearch
{
    private readonly FactSchema _schema;
    private readonly FactDomains _domains;
    private readonly UInt128 _free;
    private readonly bool _includeUnknown;
    private readonly Func<Term[], Situation, UInt128, bool>? _prune;
    private readonly AnalysisMeter? _meter;
    private readonly int[]?[] _chosen;

    public SituationSearch(FactSchema schema, FactDomains domains, UInt128 free, bool includeUnknown, Func<Term[], Situation, UInt128, bool>? prune = null, AnalysisMeter? meter = null)
    {
        _prune = prune;
        _schema = schema;
        _domains = domains;
        _free = free;
        _includeUnknown = includeUnknown;
        _meter = meter;
        _chosen = new int[]?[schema.Count];
    }

    /// <summary>How many leaves were visited (for measurements).</summary>
    public long Leaves { get; private set; }

    /// <summary>Whether the search stopped because its meter ran out (its answer is then incomplete).</summary>
    public bool Stopped => _meter?.Stopped is not null;

    /// <summary>
    /// The class of a fact fixed on the current path: indices into its domain (<see cref="FactDomains.ValuesOf"/>),
    /// sorted, every one of which gives this branch; the situation holds the first. Null when it was fixed unknown.
    /// </summary>
    public int[]? Chosen(int factIndex) => _chosen[factIndex];

    /// <summary>
    /// Visits leaves until <paramref name="leaf"/> returns true (then returns true), or until the meter runs out (then
    /// returns true with <see cref="Stopped"/> set). At a leaf, the situation holds the fixed facts (those in the mask
    /// passed to the callback) and the terms are partially evaluated.
    /// </summary>
    public bool Run(Term[] terms, Situation situation, UInt128 fixedMask, Func<Term[], Situation, UInt128, bool> leaf)
    {
        if (_meter is not null && !_meter.Step())
        {
            return true;
        }

        if (_prune is not null && _prune(terms, situation, fixedMask))
        {
            Leaves++;
            return Stopped;
        }

        UInt128 reads = UInt128.Zero;
        foreach (var t in terms)
        {
            reads |= t.Mask;
        }

        UInt128 open = reads & _free & ~fixedMask;
        if (open == UInt128.Zero)
        {
            Leaves++;
            return leaf(terms, situation, fixedMask) || Stopped;
        }

        // Facts in schema order: facts.json lists the decisive ones (uniform, area) first. Tried on the shipped library,
        // "fewest values first" visited four times as many classes in verify.
        int index = (int)UInt128.TrailingZeroCount(open);
        var fact = _schema.Facts[index];
        UInt128 bit = UInt128.One << index;
        var values = _domains.PointsFor(fact, situation, fixedMask);
        var classes = new List<(Term[] Next, int Hash, List<int> Members)>();
        for (int i = 0; i < values.Length; i++)
        {
            situation.Set(index, values[i]);
            var next = Substitute(terms, situation, fixedMask | bit);
            // A residual that still reads this fact (through a comparison with a fact not yet fixed) means something
            // different for each value, so it is a class of its own (marked by a hash no shape has: -1 - i < 0 <= shape).
            int hash = ReadsFact(next, bit) ? -1 - i : TermShape.Hash(next) & int.MaxValue;
            int found = hash < 0 ? -1 : classes.FindIndex(c => c.Hash == hash && TermShape.Equal(c.Next, next));
            if (found >= 0)
            {
                classes[found].Members.Add(i);
            }
            else
            {
                classes.Add((next, hash, [i]));
            }
        }

        foreach (var (next, _, members) in classes)
        {
            situation.Set(index, values[members[0]]);
            _chosen[index] = [.. members.Select(m => _domains.IndexOf(fact, values[m])).Distinct().Order()];
            if (Run(next, situation, fixedMask | bit, leaf))
            {
                return true;
            }
        }

        _chosen[index] = null;
        situation.Unset(index);
        return _includeUnknown && Run(Substitute(terms, situation, fixedMask | bit), situation, fixedMask | bit, leaf);
    }

    private static Term[] Substitute(Term[] terms, Situation situation, UInt128 fixedMask)
    {
        var next = new Term[terms.Length];
        for (int i = 0; i < terms.Length; i++)
        {
            next[i] = PartialEvaluator.Substitute(terms[i], situation, fixedMask);
        }

        return next;
    }

    private static bool ReadsFact(Term[] terms, UInt128 bit)
    {
        foreach (var t in terms)
        {
            if ((t.Mask & bit) != UInt128.Zero)
            {
                return true;
            }
        }

        return false;
    }
}
