using System.Text;
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
    private byte[][]? _fragments;
    private Run[]? _runs;
    private byte[] _line = new byte[256];

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
    /// The outcomes line as UTF-8 (with its newline) for <see cref="Outcomes"/>, valid until the next call. Each power's
    /// <c>,"id":"outcome"</c> bytes are made once per plan, and so is each run of powers whose outcome the plan fixes
    /// (not in force, not designated: most of a designation's powers; the deciders write those outcomes from the plan
    /// whatever the facts), so a line is a few copies into one reused buffer: the plans of the shipped library have
    /// 52 powers, too many outcome combinations for a cache of whole lines.
    /// </summary>
    public ReadOnlySpan<byte> OutcomesLine(string? onlyPower)
    {
        _fragments ??= Fragments(Plan);
        _runs ??= Runs(Plan, _fragments);
        int length = 0;
        if (onlyPower is null && Outcomes.Length > 0)
        {
            // Every fragment starts with its comma: the first power's becomes the line's opening brace.
            for (int r = 0; r < _runs.Length; r++)
            {
                var run = _runs[r];
                if (run.Bytes is not null)
                {
                    Append(ref length, run.Bytes);
                    continue;
                }

                for (int p = run.Start; p < run.End; p++)
                {
                    Append(ref length, _fragments[(p * OutcomeCount) + (int)Outcomes[p]]);
                }
            }

            _line[0] = (byte)'{';
        }
        else
        {
            Append(ref length, "{"u8);
            bool first = true;
            for (int p = 0; p < Outcomes.Length; p++)
            {
                if (Plan.Powers[p].Power.Id != onlyPower)
                {
                    continue;
                }

                Append(ref length, _fragments[(p * OutcomeCount) + (int)Outcomes[p]].AsSpan(first ? 1 : 0));
                first = false;
            }
        }

        Append(ref length, "}\n"u8);
        return _line.AsSpan(0, length);
    }

    private void Append(ref int length, ReadOnlySpan<byte> text)
    {
        if (length + text.Length > _line.Length)
        {
            Array.Resize(ref _line, Math.Max(_line.Length * 2, length + text.Length));
        }

        text.CopyTo(_line.AsSpan(length));
        length += text.Length;
    }

    private static byte[][] Fragments(DecisionPlan plan)
    {
        var fragments = new byte[plan.Powers.Count * OutcomeCount][];
        for (int p = 0; p < plan.Powers.Count; p++)
        {
            for (int o = 0; o < OutcomeCount; o++)
            {
                fragments[(p * OutcomeCount) + o] = Encoding.UTF8.GetBytes(",\"" + plan.Powers[p].Power.Id + "\":\"" + OutcomeNames.Name((Outcome)o) + "\"");
            }
        }

        return fragments;
    }

    // The powers in runs: a run of powers the plan fixes, with its fragments joined, or a run of one power it decides.
    private static Run[] Runs(DecisionPlan plan, byte[][] fragments)
    {
        var runs = new List<Run>();
        int p = 0;
        while (p < plan.Powers.Count)
        {
            int start = p;
            while (p < plan.Powers.Count && plan.Powers[p].FixedOutcome is not null)
            {
                p++;
            }

            if (p == start)
            {
                runs.Add(new Run(start, ++p, null));
                continue;
            }

            var bytes = new List<byte>();
            for (int i = start; i < p; i++)
            {
                bytes.AddRange(fragments[(i * OutcomeCount) + (int)plan.Powers[i].FixedOutcome!.Value]);
            }

            runs.Add(new Run(start, p, [.. bytes]));
        }

        return [.. runs];
    }

    /// <summary>Powers <c>Start</c> to <c>End</c> (exclusive): fixed by the plan, their fragments joined in <c>Bytes</c>, or (null) decided.</summary>
    private sealed record Run(int Start, int End, byte[]? Bytes);
}
