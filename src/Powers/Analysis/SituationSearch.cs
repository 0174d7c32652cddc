using Powers.Binding;
using Powers.Evaluation;

namespace Powers.Analysis;

/// <summary>
/// Exhaustive, pruned enumeration of situations: fixes one free fact at a time to each value of its domain (and,
/// when asked, to unknown), substitutes it into every term, and stops descending as soon as no term reads a free
/// fact any more. Each leaf therefore stands for every completion of the facts not yet fixed, all of which give
/// the terms the same values. Depth is bounded by the number of facts (at most 64).
/// </summary>
internal sealed class SituationSearch
{
    private readonly FactSchema _schema;
    private readonly FactDomains _domains;
    private readonly ulong _free;
    private readonly bool _includeUnknown;
    private readonly Func<Term[], Situation, ulong, bool>? _prune;

    public SituationSearch(FactSchema schema, FactDomains domains, ulong free, bool includeUnknown, Func<Term[], Situation, ulong, bool>? prune = null)
    {
        _prune = prune;
        _schema = schema;
        _domains = domains;
        _free = free;
        _includeUnknown = includeUnknown;
    }

    /// <summary>How many leaves were visited (for measurements).</summary>
    public long Leaves { get; private set; }

    /// <summary>
    /// Visits leaves until <paramref name="leaf"/> returns true (then returns true). At a leaf, the situation holds the
    /// fixed facts (those in the mask passed to the callback) and the terms are partially evaluated.
    /// </summary>
    public bool Run(Term[] terms, Situation situation, ulong fixedMask, Func<Term[], Situation, ulong, bool> leaf)
    {
        if (_prune is not null && _prune(terms, situation, fixedMask))
        {
            Leaves++;
            return false;
        }

        ulong reads = 0;
        foreach (var t in terms)
        {
            reads |= t.Mask;
        }

        ulong open = reads & _free & ~fixedMask;
        if (open == 0)
        {
            Leaves++;
            return leaf(terms, situation, fixedMask);
        }

        int index = System.Numerics.BitOperations.TrailingZeroCount(open);
        var fact = _schema.Facts[index];
        ulong bit = 1UL << index;
        var next = new Term[terms.Length];
        foreach (int value in _domains.ValuesOf(fact))
        {
            situation.Set(index, value);
            if (Descend(terms, next, situation, fixedMask | bit, leaf))
            {
                return true;
            }
        }

        situation.Unset(index);
        if (_includeUnknown && Descend(terms, next, situation, fixedMask | bit, leaf))
        {
            return true;
        }

        return false;
    }

    private bool Descend(Term[] terms, Term[] next, Situation situation, ulong fixedMask, Func<Term[], Situation, ulong, bool> leaf)
    {
        for (int i = 0; i < terms.Length; i++)
        {
            next[i] = PartialEvaluator.Substitute(terms[i], situation, fixedMask);
        }

        // 'next' is reused by the siblings of this branch, so the recursion gets its own copy.
        return Run((Term[])next.Clone(), situation, fixedMask, leaf);
    }
}
