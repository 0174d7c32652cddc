using System.Collections;

namespace Powers.Decisions;

/// <summary><see cref="Decision.Powers"/>: each power's shared view, looked up when read, so the list itself holds nothing.</summary>
internal sealed class PowerDecisionList(Decision decision) : IReadOnlyList<PowerDecision>
{
    public int Count => decision.Count;

    public PowerDecision this[int index] => decision.ViewAt(index);

    public IEnumerator<PowerDecision> GetEnumerator()
    {
        for (int p = 0; p < decision.Count; p++)
        {
            yield return decision.ViewAt(p);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
