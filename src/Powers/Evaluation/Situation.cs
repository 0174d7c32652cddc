using System.Runtime.CompilerServices;
using Powers.Binding;

namespace Powers.Evaluation;

/// <summary>
/// The facts of a moment, packed: one integer slot per fact of the schema and a bit mask of which are known.
/// A fact that is not set is unknown. Mutable so a caller can reuse one instance for many decisions without
/// allocating; not safe to mutate from several threads at once.
/// </summary>
public sealed class Situation
{
    private readonly int[] _values;

    /// <summary>The raw value slots, for compiled evaluators.</summary>
    internal int[] Values => _values;
    private ulong _known;

    /// <summary>Creates a situation where every fact of the schema is unknown.</summary>
    public Situation(FactSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        Schema = schema;
        _values = new int[schema.Count];
    }

    /// <summary>The schema the slots follow.</summary>
    public FactSchema Schema { get; }

    /// <summary>The known facts as a bit mask over fact indices.</summary>
    public ulong KnownMask => _known;

    /// <summary>Whether the fact at an index is known.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool IsKnown(int index) => (_known >> index & 1) != 0;

    /// <summary>The stored value of a fact (meaningful only when known): 0/1 for bool, the index for an enum.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int ValueAt(int index) => _values[index];

    /// <summary>Sets a fact by its stored value.</summary>
    public void Set(int index, int value)
    {
        _values[index] = value;
        _known |= 1UL << index;
    }

    /// <summary>Sets a boolean fact.</summary>
    public void Set(FactSymbol fact, bool value)
    {
        ArgumentNullException.ThrowIfNull(fact);
        Set(fact.Index, value ? 1 : 0);
    }

    /// <summary>Makes a fact unknown.</summary>
    public void Unset(int index)
    {
        _values[index] = 0;
        _known &= ~(1UL << index);
    }

    /// <summary>Makes every fact unknown.</summary>
    public void Clear()
    {
        Array.Clear(_values);
        _known = 0;
    }

    /// <summary>Copies another situation of the same schema into this one.</summary>
    public void CopyFrom(Situation other)
    {
        ArgumentNullException.ThrowIfNull(other);
        other._values.CopyTo(_values, 0);
        _known = other._known;
    }

    /// <summary>A copy.</summary>
    public Situation Clone()
    {
        var copy = new Situation(Schema);
        copy.CopyFrom(this);
        return copy;
    }
}
