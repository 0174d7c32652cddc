using System.Numerics;
using Powers.Binding;
using Powers.Evaluation;

namespace Powers.Batch;

/// <summary>
/// Many situations packed for <see cref="BatchDecider"/>: in blocks of 64, each fact is a column of 64 value
/// slots plus one 64-bit word saying in which of the 64 situations it is known. Reuse one batch: <see cref="Clear"/>
/// and refill. Not safe to fill from several threads at once.
/// </summary>
internal sealed class SituationBatch
{
    /// <summary>Situations per block: one per bit of a word.</summary>
    public const int BlockSize = 64;

    private readonly int[] _values;
    private readonly ulong[] _known;
    private readonly int _facts;

    /// <summary>Creates an empty batch with room for <paramref name="capacity"/> situations.</summary>
    public SituationBatch(FactSchema schema, int capacity)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        Schema = schema;
        _facts = schema.Count;
        Blocks = (capacity + BlockSize - 1) / BlockSize;
        Capacity = Blocks * BlockSize;
        _values = new int[Blocks * _facts * BlockSize];
        _known = new ulong[Blocks * _facts];
    }

    /// <summary>The schema the columns follow.</summary>
    public FactSchema Schema { get; }

    /// <summary>How many situations fit (a multiple of <see cref="BlockSize"/>).</summary>
    public int Capacity { get; }

    /// <summary>How many situations are in the batch.</summary>
    public int Count { get; private set; }

    /// <summary>The number of blocks of 64 the capacity holds.</summary>
    internal int Blocks { get; }

    /// <summary>Value slots: block, then fact, then situation within the block.</summary>
    internal int[] Values => _values;

    /// <summary>Known words: block, then fact; bit i is situation i of the block.</summary>
    internal ulong[] Known => _known;

    /// <summary>Empties the batch (every fact of every situation unknown).</summary>
    public void Clear()
    {
        int used = (Count + BlockSize - 1) / BlockSize;
        Array.Clear(_known, 0, used * _facts);
        Count = 0;
    }

    /// <summary>Appends a situation whose facts are all unknown; returns its index.</summary>
    public int AddUnknown()
    {
        if (Count == Capacity)
        {
            throw new InvalidOperationException("The batch is full.");
        }

        return Count++;
    }

    /// <summary>Appends a copy of a situation's facts; returns its index.</summary>
    public int Add(Situation situation)
    {
        ArgumentNullException.ThrowIfNull(situation);
        if (situation.Values.Length != _facts)
        {
            throw new ArgumentException("The situation follows another fact schema.", nameof(situation));
        }

        int index = AddUnknown();
        int block = index / BlockSize;
        int lane = index % BlockSize;
        int[] source = situation.Values;
        int valueBase = block * _facts * BlockSize + lane;
        for (int f = 0; f < source.Length; f++)
        {
            _values[valueBase + f * BlockSize] = source[f];
        }

        int knownBase = block * _facts;
        ulong bit = 1UL << lane;
        ulong known = situation.KnownLow;
        while (known != 0)
        {
            int f = BitOperations.TrailingZeroCount(known);
            _known[knownBase + f] |= bit;
            known &= known - 1;
        }

        known = situation.KnownHigh;
        while (known != 0)
        {
            int f = 64 + BitOperations.TrailingZeroCount(known);
            _known[knownBase + f] |= bit;
            known &= known - 1;
        }

        return index;
    }

    /// <summary>
    /// Sets a fact of a situation already in the batch by its stored value (0/1 for bool, the index for an enum);
    /// throws <see cref="ArgumentOutOfRangeException"/>, naming the fact, for a value the fact cannot take.
    /// </summary>
    public void Set(int situation, int factIndex, int value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(situation);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(situation, Count);
        ArgumentOutOfRangeException.ThrowIfNegative(factIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(factIndex, _facts);
        var fact = Schema.Facts[factIndex];
        if (fact.RejectStored(value) is { } reason)
        {
            throw new ArgumentOutOfRangeException(nameof(value), fact.Name + ": " + reason);
        }

        int block = situation / BlockSize;
        int lane = situation % BlockSize;
        _values[(block * _facts + factIndex) * BlockSize + lane] = value;
        _known[block * _facts + factIndex] |= 1UL << lane;
    }
}
