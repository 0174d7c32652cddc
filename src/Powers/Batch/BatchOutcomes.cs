using Powers.Model;

namespace Powers.Batch;

/// <summary>
/// The outcomes of a batch, power-major: for each power, one outcome per situation. Caller-owned and reusable;
/// <see cref="BatchDecider.Decide"/> fills it without allocating.
/// </summary>
internal sealed class BatchOutcomes
{
    private readonly Outcome[] _outcomes;

    /// <summary>Creates room for <paramref name="powers"/> powers of up to <paramref name="capacity"/> situations.</summary>
    public BatchOutcomes(int powers, int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(powers);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        PowerCount = powers;
        Stride = (capacity + SituationBatch.BlockSize - 1) / SituationBatch.BlockSize * SituationBatch.BlockSize;
        _outcomes = new Outcome[powers * Stride];
    }

    /// <summary>The number of powers.</summary>
    public int PowerCount { get; }

    /// <summary>How many situations were decided by the last call.</summary>
    public int Count { get; internal set; }

    /// <summary>Distance between two powers' rows (the capacity rounded up to a whole block).</summary>
    internal int Stride { get; }

    /// <summary>The raw rows.</summary>
    internal Outcome[] Raw => _outcomes;

    /// <summary>The outcome of one power for one situation.</summary>
    public Outcome this[int situation, int power]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(situation);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(situation, Count);
            ArgumentOutOfRangeException.ThrowIfNegative(power);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(power, PowerCount);
            return _outcomes[power * Stride + situation];
        }
    }

    /// <summary>One power's outcomes for every situation of the batch.</summary>
    public ReadOnlySpan<Outcome> ForPower(int power)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(power);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(power, PowerCount);
        return _outcomes.AsSpan(power * Stride, Count);
    }
}
