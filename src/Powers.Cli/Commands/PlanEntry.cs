using System.Text;
using Powers.Deciding;
using Powers.Evaluation;
using Powers.Model;
using Powers.Planning;

namespace Powers.Cli.Commands;

/// <summary>
/// A plan of the engine's <see cref="PlanCache"/> with this stream's reusable buffers. In outcomes form, the text
/// of each distinct result line is kept (bounded), since a plan has few distinct combinations of outcomes.
/// </summary>
internal sealed class PlanEntry
{
    private const int MaxLines = 1024;
    private const int BitsPerOutcome = 3;

    private readonly CachedPlan _cached;
    private readonly Dictionary<ulong, string> _lines = [];

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

    /// <summary>The outcomes line (with its newline) for <see cref="Outcomes"/>.</summary>
    public string OutcomesLine(string? onlyPower)
    {
        if (Outcomes.Length * BitsPerOutcome > 64)
        {
            return BuildLine(onlyPower);
        }

        ulong key = 0;
        for (int p = 0; p < Outcomes.Length; p++)
        {
            key |= (ulong)Outcomes[p] << (p * BitsPerOutcome);
        }

        if (!_lines.TryGetValue(key, out string? line))
        {
            line = BuildLine(onlyPower);
            if (_lines.Count < MaxLines)
            {
                _lines.Add(key, line);
            }
        }

        return line;
    }

    private string BuildLine(string? onlyPower)
    {
        var text = new StringBuilder(256);
        text.Append('{');
        bool first = true;
        for (int p = 0; p < Outcomes.Length; p++)
        {
            string id = Plan.Powers[p].Power.Id;
            if (onlyPower is not null && id != onlyPower)
            {
                continue;
            }

            if (!first)
            {
                text.Append(',');
            }

            first = false;
            text.Append('"').Append(id).Append("\":\"").Append(OutcomeNames.Name(Outcomes[p])).Append('"');
        }

        return text.Append("}\n").ToString();
    }
}
