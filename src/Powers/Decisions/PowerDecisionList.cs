using System.Collections;

namespace Powers.Decisions;

/// <summary>
/// <see cref="Decision.Powers"/>: each power's shared view, looked up when read, so the list itself holds nothing.
/// The list is also the enumerator of its first <c>foreach</c> on the thread that made it (as a C# iterator is), so
/// the README's loop over a decision allocates the list and nothing more; any other enumeration gets its own.
/// </summary>
internal sealed class PowerDecisionList(Decision decision) : IReadOnlyList<PowerDecision>, IEnumerator<PowerDecision>
{
    private const int NotHandedOut = -2;
    private readonly int _thread = Environment.CurrentManagedThreadId;
    private int _index = NotHandedOut;

    public int Count => decision.Count;

    public PowerDecision this[int index] => decision.ViewAt(index);

    PowerDecision IEnumerator<PowerDecision>.Current => decision.ViewAt(_index);

    object IEnumerator.Current => decision.ViewAt(_index);

    public IEnumerator<PowerDecision> GetEnumerator()
    {
        if (_index == NotHandedOut && _thread == Environment.CurrentManagedThreadId)
        {
            _index = -1;
            return this;
        }

        return Enumerate(decision);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    bool IEnumerator.MoveNext()
    {
        if (_index + 1 < decision.Count)
        {
            _index++;
            return true;
        }

        _index = decision.Count;
        return false;
    }

    void IEnumerator.Reset() => throw new NotSupportedException();

    void IDisposable.Dispose() => _index = decision.Count;

    private static IEnumerator<PowerDecision> Enumerate(Decision decision)
    {
        for (int p = 0; p < decision.Count; p++)
        {
            yield return decision.ViewAt(p);
        }
    }
}
