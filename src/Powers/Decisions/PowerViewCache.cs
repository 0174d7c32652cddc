using Powers.Binding;
using Powers.Evaluation;
using Powers.Model;
using Powers.Planning;

namespace Powers.Decisions;

/// <summary>
/// The views of one power of one plan, one per way it came out: its outcome follows from its clauses' statuses, and
/// its missing facts are the rest of what a view shows, so a view is shared by every decision with the same statuses
/// and missing facts. Views are immutable; reading is lock-free (a table published whole), adding takes a lock.
/// Bounded: past <see cref="Capacity"/> ways, a view is built for the reader and not kept.
/// </summary>
internal sealed class PowerViewCache
{
    private const int Capacity = 256;

    // Up to this many clauses, a power's statuses pack into one key (two bits each).
    private const int MaxKeyedClauses = 32;

    private readonly DecisionPlan _plan;
    private readonly int _power;
    private readonly Lock _gate = new();
    private Entry?[] _table = new Entry?[8];
    private int _count;

    public PowerViewCache(DecisionPlan plan, int power)
    {
        _plan = plan;
        _power = power;
    }

    /// <summary>The view for an outcome, the plan's clause statuses and the power's missing facts.</summary>
    public PowerDecision Get(Outcome outcome, ReadOnlySpan<Tri> statuses, UInt128 missing)
    {
        var indices = _plan.PowerArray[_power].ClauseIndices;
        if (indices.Length > MaxKeyedClauses)
        {
            return Build(outcome, statuses, missing);
        }

        ulong key = 0;
        for (int k = 0; k < indices.Length; k++)
        {
            key |= (ulong)statuses[indices[k]] << (2 * k);
        }

        var table = Volatile.Read(ref _table);
        int mask = table.Length - 1;
        for (int i = Hash(key, missing) & mask; ; i = (i + 1) & mask)
        {
            var entry = table[i];
            if (entry is null)
            {
                break;
            }

            if (entry.Statuses == key && entry.Missing == missing)
            {
                return entry.View;
            }
        }

        var view = Build(outcome, statuses, missing);
        Add(new Entry(key, missing, view));
        return view;
    }

    private static int Hash(ulong key, UInt128 missing) => (int)((key * 0x9E3779B97F4A7C15UL ^ ((ulong)missing ^ (ulong)(missing >> 64) * 0x165667B19E3779F9UL) * 0xC2B2AE3D27D4EB4FUL) >> 40);

    private void Add(Entry entry)
    {
        lock (_gate)
        {
            if (_count >= Capacity)
            {
                return;
            }

            // Copy, insert, publish: readers see either table whole. Kept at most half full.
            var old = _table;
            var table = new Entry?[_count + 1 > old.Length / 2 ? old.Length * 2 : old.Length];
            foreach (var e in old)
            {
                if (e is not null)
                {
                    Insert(table, e);
                }
            }

            if (!Insert(table, entry))
            {
                return;
            }

            _count++;
            Volatile.Write(ref _table, table);
        }
    }

    private static bool Insert(Entry?[] table, Entry entry)
    {
        int mask = table.Length - 1;
        for (int i = Hash(entry.Statuses, entry.Missing) & mask; ; i = (i + 1) & mask)
        {
            if (table[i] is not { } existing)
            {
                table[i] = entry;
                return true;
            }

            if (existing.Statuses == entry.Statuses && existing.Missing == entry.Missing)
            {
                // Another reader added it first.
                return false;
            }
        }
    }

    private PowerDecision Build(Outcome outcome, ReadOnlySpan<Tri> statuses, UInt128 missing)
    {
        var power = _plan.PowerArray[_power];
        var clauses = new ClauseResult[power.ClauseIndices.Length];
        for (int k = 0; k < clauses.Length; k++)
        {
            int index = power.ClauseIndices[k];
            clauses[k] = new ClauseResult(_plan.ClauseArray[index], statuses[index]);
        }

        var facts = new List<FactSymbol>();
        foreach (var fact in _plan.Library.Schema.Facts)
        {
            if ((missing >> fact.Index & UInt128.One) != UInt128.Zero)
            {
                facts.Add(fact);
            }
        }

        return new PowerDecision(power, outcome, clauses, facts);
    }

    private sealed record Entry(ulong Statuses, UInt128 Missing, PowerDecision View);
}
