using Powers.Deciding;
using Powers.Evaluation;
using Powers.Model;
using Powers.Planning;

namespace Powers.Cli.Commands;

/// <summary>
/// A plan of the engine's <see cref="PlanCache"/> with this stream's reusable buffers, and in outcomes form the text
/// of each power's possible results.
/// </summary>
internal sealed class PlanEntry
{
    private static readonly int OutcomeCount = OutcomeNames.All.Count;

    private readonly CachedPlan _cached;
    private string[]? _fragments;
    private char[] _line = new char[256];

    public PlanEntry(CachedPlan cached)
    {
        _cached = cached;
        Buffer = cached.Plan.CreateBuffer();
        Outcomes = new Outcome[cached.Plan.Powers.Count];
    }

    public DecisionPlan Plan => _cached.Plan;

    public DecisionBuffer Buffer { get; }

    public Outcome[] Outcomes { get; }

    /// <summary>Decides into <see cref="Outcomes"/>.</summary>
    public void DecideOutcomes(Situation situation)
    {
        if (_cached.Program is null)
        {
            // Until the plan is compiled, decide into this entry's own buffer rather than a new one per line.
            _cached.Decide(situation, Buffer);
            Buffer.Outcomes.CopyTo(Outcomes, 0);
            return;
        }

        _cached.DecideOutcomes(situation, Outcomes);
    }

    /// <summary>Decides and explains into <see cref="Buffer"/>.</summary>
    public void Decide(Situation situation) => _cached.Decide(situation, Buffer);

    /// <summary>
    /// The outcomes line (with its newline) for <see cref="Outcomes"/>, valid until the next call. Each power's
    /// <c>"id":"outcome"</c> text is made once per plan, so a line is copies of those into one reused buffer: the
    /// plans of the shipped library have 52 powers, too many outcome combinations for a cache of whole lines.
    /// </summary>
    public ReadOnlySpan<char> OutcomesLine(string? onlyPower)
    {
        _fragments ??= Fragments(Plan);
        int length = 0;
        Append(ref length, "{");
        bool first = true;
        for (int p = 0; p < Outcomes.Length; p++)
        {
            if (onlyPower is not null && Plan.Powers[p].Power.Id != onlyPower)
            {
                continue;
            }

            if (!first)
            {
                Append(ref length, ",");
            }

            first = false;
            Append(ref length, _fragments[(p * OutcomeCount) + (int)Outcomes[p]]);
        }

        Append(ref length, "}\n");
        return _line.AsSpan(0, length);
    }

    private void Append(ref int length, string text)
    {
        if (length + text.Length > _line.Length)
        {
            Array.Resize(ref _line, Math.Max(_line.Length * 2, length + text.Length));
        }

        text.CopyTo(_line.AsSpan(length));
        length += text.Length;
    }

    private static string[] Fragments(DecisionPlan plan)
    {
        var fragments = new string[plan.Powers.Count * OutcomeCount];
        for (int p = 0; p < plan.Powers.Count; p++)
        {
            for (int o = 0; o < OutcomeCount; o++)
            {
                fragments[(p * OutcomeCount) + o] = "\"" + plan.Powers[p].Power.Id + "\":\"" + OutcomeNames.Name((Outcome)o) + "\"";
            }
        }

        return fragments;
    }
}
