using Powers.Evaluation;

namespace Powers.Analysis;

/// <summary>
/// Compares <see cref="ResidualCache"/> keys, and a key with a probe of a situation: equal when the power is the same,
/// the same facts it reads are known, and they have the same values.
/// </summary>
internal sealed class ResidualKeyComparer(UInt128[] reads) : IEqualityComparer<ResidualKey>, IAlternateEqualityComparer<ResidualProbe, ResidualKey>
{
    /// <summary>The probe of a power in a situation.</summary>
    public ResidualProbe Probe(int power, Situation situation)
    {
        var known = situation.KnownMask & reads[power];
        var hash = new HashCode();
        hash.Add(power);
        hash.Add(known);
        for (var rest = known; rest != UInt128.Zero; rest &= rest - UInt128.One)
        {
            hash.Add(situation.ValueAt((int)UInt128.TrailingZeroCount(rest)));
        }

        return new ResidualProbe(power, known, situation, hash.ToHashCode());
    }

    public bool Equals(ResidualKey? x, ResidualKey? y) =>
        ReferenceEquals(x, y) || (x is not null && y is not null && x.Hash == y.Hash && x.Power == y.Power && x.Known == y.Known && x.Values.AsSpan().SequenceEqual(y.Values));

    public int GetHashCode(ResidualKey obj) => obj?.Hash ?? 0;

    public bool Equals(ResidualProbe alternate, ResidualKey other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (alternate.Hash != other.Hash || alternate.Power != other.Power || alternate.Known != other.Known)
        {
            return false;
        }

        int i = 0;
        for (var rest = alternate.Known; rest != UInt128.Zero; rest &= rest - UInt128.One)
        {
            if (alternate.Situation.ValueAt((int)UInt128.TrailingZeroCount(rest)) != other.Values[i++])
            {
                return false;
            }
        }

        return true;
    }

    public int GetHashCode(ResidualProbe alternate) => alternate.Hash;

    public ResidualKey Create(ResidualProbe alternate)
    {
        var values = new int[(int)UInt128.PopCount(alternate.Known)];
        int i = 0;
        for (var rest = alternate.Known; rest != UInt128.Zero; rest &= rest - UInt128.One)
        {
            values[i++] = alternate.Situation.ValueAt((int)UInt128.TrailingZeroCount(rest));
        }

        return new ResidualKey(alternate.Power, alternate.Known, values, alternate.Hash);
    }
}
