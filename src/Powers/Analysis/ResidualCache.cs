using System.Collections.Concurrent;
using Powers.Evaluation;
using Powers.Planning;

namespace Powers.Analysis;

/// <summary>
/// The finished residuals of one plan's powers, by power and the known facts that power's clauses read (their
/// values, and which of them are known): a residual depends on nothing else, so a control room asking the same
/// partial situation again is answered without a search. Bounded (emptied when full) and thread-safe; a lookup
/// allocates nothing. Only finished searches are kept, with the steps they took, so that a smaller budget still stops
/// where it would have.
/// </summary>
internal sealed class ResidualCache
{
    /// <summary>How many residuals a plan keeps before the cache is emptied.</summary>
    internal const int Capacity = 4096;

    private readonly ResidualKeyComparer _comparer;
    private readonly ConcurrentDictionary<ResidualKey, CachedResidual> _entries;
    private readonly ConcurrentDictionary<ResidualKey, CachedResidual>.AlternateLookup<ResidualProbe> _lookup;
    private int _count;

    public ResidualCache(DecisionPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var reads = new UInt128[plan.PowerArray.Length];
        for (int p = 0; p < reads.Length; p++)
        {
            foreach (int c in plan.PowerArray[p].ClauseIndices)
            {
                reads[p] |= plan.ClauseArray[c].FactMask;
            }
        }

        _comparer = new ResidualKeyComparer(reads);
        _entries = new ConcurrentDictionary<ResidualKey, CachedResidual>(_comparer);
        _lookup = _entries.GetAlternateLookup<ResidualProbe>();
    }

    /// <summary>How many residuals are kept.</summary>
    internal int Count => _entries.Count;

    /// <summary>The residual kept for a power in this situation, when one is kept that <paramref name="budget"/> would also have finished.</summary>
    public Residual? Find(int power, Situation situation, AnalysisBudget budget)
    {
        if (budget.CancellationToken.IsCancellationRequested)
        {
            // A cancelled budget may stop a long search; search again so that it says so as it would have.
            return null;
        }

        return _lookup.TryGetValue(_comparer.Probe(power, situation), out var kept) && kept.Steps <= budget.MaxSteps ? kept.Residual : null;
    }

    /// <summary>Keeps a finished residual and the steps its search took.</summary>
    public void Add(int power, Situation situation, Residual residual, long steps)
    {
        if (residual.Stopped is not null)
        {
            return;
        }

        if (Interlocked.Increment(ref _count) > Capacity)
        {
            _entries.Clear();
            Interlocked.Exchange(ref _count, 1);
        }

        _lookup.TryAdd(_comparer.Probe(power, situation), new CachedResidual(residual, steps));
    }

    private sealed record CachedResidual(Residual Residual, long Steps);
}
