using System.Runtime.CompilerServices;
using Powers.Binding;

namespace Powers.Evaluation;

/// <summary>
/// The facts of a moment, packed: one integer slot per fact of the schema and a bit mask of which are known.
/// A fact that is not set is unknown. Every setter checks the value against the fact schema as the JSON reader
/// does (type, enum values, an int's minimum) and rejects a bad one with an <see cref="ArgumentException"/>
/// naming the fact, leaving the situation as it was: a value the reader would refuse can never reach a decision.
/// Mutable so a caller can reuse one instance for many decisions without allocating; not safe to mutate from
/// several threads at once.
/// </summary>
public sealed class Situation
{
    private int[] _values;

    // True while a decision holds this situation's values (see ShareValues): the next write copies them first.
    private bool _valuesShared;
    private ulong _knownLow;
    private ulong _knownHigh;

    /// <summary>Creates a situation where every fact of the schema is unknown.</summary>
    public Situation(FactSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        Schema = schema;
        _values = new int[schema.Count];
    }

    /// <summary>The raw value slots, for compiled evaluators.</summary>
    internal int[] Values => _values;

    /// <summary>The schema the slots follow.</summary>
    public FactSchema Schema { get; }

    /// <summary>The known facts as a bit mask over fact indices.</summary>
    public UInt128 KnownMask => new(_knownHigh, _knownLow);

    /// <summary>The known-mask of facts 0 to 63, for compiled evaluators.</summary>
    internal ulong KnownLow => _knownLow;

    /// <summary>The known-mask of facts 64 to 127, for compiled evaluators.</summary>
    internal ulong KnownHigh => _knownHigh;

    /// <summary>Whether the fact at an index is known.</summary>
    // The word masked by the fact's bit rather than shifted down to it: a right shift of an unsigned word has an
    // unsigned-shift (>>>) twin that no test can tell apart, which mutation testing would count as a survivor.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool IsKnown(int index) => ((index < 64 ? _knownLow : _knownHigh) & (1UL << index)) != 0;

    /// <summary>Whether a fact is known.</summary>
    public bool IsKnown(FactSymbol fact) => IsKnown(Own(fact).Index);

    /// <summary>The stored value of a fact (meaningful only when known): 0/1 for bool, the index for an enum.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int ValueAt(int index) => _values[index];

    /// <summary>
    /// Sets a fact by its index and stored value (0/1 for bool, the value's index for an enum); throws
    /// <see cref="ArgumentOutOfRangeException"/>, naming the fact, for a value the fact cannot take.
    /// </summary>
    public void Set(int index, int value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, _values.Length);
        SetChecked(Schema.Facts[index], value);
    }

    /// <summary>Sets a boolean fact.</summary>
    public void Set(FactSymbol fact, bool value) => SetChecked(OfKind(fact, FactKind.Bool), value ? 1 : 0);

    /// <summary>Sets an integer fact; throws <see cref="ArgumentOutOfRangeException"/> below its minimum.</summary>
    public void Set(FactSymbol fact, int value) => SetChecked(OfKind(fact, FactKind.Int), value);

    /// <summary>Sets an enum fact by value name; throws <see cref="ArgumentOutOfRangeException"/> for a name it does not have.</summary>
    public void Set(FactSymbol fact, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var symbol = OfKind(fact, FactKind.Enum);
        int index = symbol.IndexOfValue(value);
        if (index < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(value), symbol.Name + ": " + symbol.NotAValue(value));
        }

        Store(symbol.Index, index);
    }

    /// <summary>Sets a boolean fact through its typed handle.</summary>
    public void Set(BoolFact fact, bool value) => Set(fact.Symbol, value);

    /// <summary>Sets an integer fact through its typed handle; throws <see cref="ArgumentOutOfRangeException"/> below its minimum.</summary>
    public void Set(IntFact fact, int value) => Set(fact.Symbol, value);

    /// <summary>Sets an enum fact through its typed handle, by value name.</summary>
    public void Set(EnumFact fact, string value) => Set(fact.Symbol, value);

    /// <summary>Sets a boolean fact by name; throws <see cref="ArgumentException"/> for an unknown name or a fact of another type.</summary>
    public void Set(string name, bool value) => Set(Schema.Get(name), value);

    /// <summary>Sets an integer fact by name; throws <see cref="ArgumentException"/> for an unknown name, another type or a value below the minimum.</summary>
    public void Set(string name, int value) => Set(Schema.Get(name), value);

    /// <summary>Sets an enum fact by name and value name; throws <see cref="ArgumentException"/> for an unknown name, another type or value.</summary>
    public void Set(string name, string value) => Set(Schema.Get(name), value);

    /// <summary>Makes a fact unknown.</summary>
    public void Unset(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, _values.Length);
        Writable()[index] = 0;
        if (index < 64)
        {
            _knownLow &= ~(1UL << index);
        }
        else
        {
            _knownHigh &= ~(1UL << index);
        }
    }

    /// <summary>Makes a fact unknown.</summary>
    public void Unset(FactSymbol fact) => Unset(Own(fact).Index);

    /// <summary>Makes a fact unknown by name; throws <see cref="ArgumentException"/> for an unknown name.</summary>
    public void Unset(string name) => Unset(Schema.Get(name).Index);

    /// <summary>Makes every fact unknown.</summary>
    public void Clear()
    {
        if (_valuesShared)
        {
            _values = new int[_values.Length];
            _valuesShared = false;
        }
        else
        {
            Array.Clear(_values);
        }

        _knownLow = 0;
        _knownHigh = 0;
    }

    /// <summary>Copies another situation of the same schema into this one.</summary>
    public void CopyFrom(Situation other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (!ReferenceEquals(other.Schema, Schema))
        {
            throw new ArgumentException("The situation follows another fact schema.", nameof(other));
        }

        other._values.CopyTo(Writable(), 0);
        _knownLow = other._knownLow;
        _knownHigh = other._knownHigh;
    }

    /// <summary>A copy.</summary>
    public Situation Clone()
    {
        var copy = new Situation(Schema);
        copy.CopyFrom(this);
        return copy;
    }

    /// <summary>Stores a value a reader has already checked against the fact schema.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void Store(int index, int value)
    {
        if (_valuesShared)
        {
            Unshare();
        }

        _values[index] = value;
        // A shift counts modulo 64, so one expression serves both words; the branch is predictable per fact.
        if (index < 64)
        {
            _knownLow |= 1UL << index;
        }
        else
        {
            _knownHigh |= 1UL << index;
        }
    }

    /// <summary>
    /// The values array, which a decision may now hold as its own copy of the facts (read, never written): this
    /// situation writes to a copy of it from its next change on. A decision with an undetermined power keeps the
    /// facts for its missing facts and what would permit it; sharing them instead of copying them (a hundred facts:
    /// 480 bytes) keeps a partial situation's hosted decision under 1 KB (issue 20).
    /// </summary>
    internal int[] ShareValues()
    {
        _valuesShared = true;
        return _values;
    }

    /// <summary>A situation over values a decision holds (<see cref="ShareValues"/>); changing it writes to a copy.</summary>
    internal static Situation Adopt(FactSchema schema, int[] values, ulong knownLow, ulong knownHigh) =>
        new(schema, values, knownLow, knownHigh);

    private Situation(FactSchema schema, int[] values, ulong knownLow, ulong knownHigh)
    {
        Schema = schema;
        _values = values;
        _valuesShared = true;
        _knownLow = knownLow;
        _knownHigh = knownHigh;
    }

    private int[] Writable()
    {
        if (_valuesShared)
        {
            Unshare();
        }

        return _values;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Unshare()
    {
        _values = (int[])_values.Clone();
        _valuesShared = false;
    }

    private void SetChecked(FactSymbol fact, int value)
    {
        if (fact.RejectStored(value) is { } reason)
        {
            throw new ArgumentOutOfRangeException(nameof(value), fact.Name + ": " + reason);
        }

        Store(fact.Index, value);
    }

    private FactSymbol Own(FactSymbol fact)
    {
        ArgumentNullException.ThrowIfNull(fact);
        return Schema.Contains(fact) ? fact : throw new ArgumentException(fact.Name + ": the fact belongs to another fact schema than this situation's.", nameof(fact));
    }

    private FactSymbol OfKind(FactSymbol fact, FactKind kind)
    {
        var own = Own(fact);
        if (own.Kind != kind)
        {
            string given = kind switch { FactKind.Bool => "true or false", FactKind.Int => "a whole number", _ => "a value name" };
            throw new ArgumentException(own.Name + ": is " + own.TypeName + "; it cannot be set to " + given, nameof(fact));
        }

        return own;
    }
}
