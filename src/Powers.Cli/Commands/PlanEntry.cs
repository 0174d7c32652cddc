using System.Text;
using Powers.Evaluation;

namespace Powers.Cli.Commands;

/// <summary>
/// A cached plan with its reusable buffers. A plan that serves many lines is compiled into a
/// <see cref="DecisionProgram"/>; before that (and for an evaluator other than the engine's own two) it is decided
/// clause by clause. In outcomes form, the text of each distinct result line is kept (bounded), since a plan has
/// few distinct combinations of outcomes.
/// </summary>
internal sealed class PlanEntry
{
    private const int CompileAfter = 512;
    private const int MaxLines = 1024;
    private const int BitsPerOutcome = 3;

    private readonly PowersEngine _engine;
    private readonly bool _canCompile;
    private readonly Dictionary<ulong, string> _lines = [];
    private DecisionProgram? _program;
    private int _uses;

    public PlanEntry(PowersEngine engine, DecisionPlan plan)
    {
        _engine = engine;
        Plan = plan;
        Buffer = plan.CreateBuffer();
        Outcomes = new Outcome[plan.Powers.Count];
        _canCompile = engine.Evaluator is CompiledEvaluator or ReferenceInterpreter;
    }

    public DecisionPlan Plan { get; }

    public DecisionBuffer Buffer { get; }

    public Outcome[] Outcomes { get; }

    /// <summary>Decides into <see cref="Outcomes"/>.</summary>
    public void DecideOutcomes(Situation situation)
    {
        if (Program() is { } program)
        {
            program.DecideOutcomes(situation, Outcomes);
            return;
        }

        _engine.Decide(Plan, situation, Buffer);
        Buffer.Outcomes.CopyTo(Outcomes, 0);
    }

    /// <summary>Decides and explains into <see cref="Buffer"/>.</summary>
    public void Decide(Situation situation)
    {
        if (Program() is { } program)
        {
            program.Decide(situation, Buffer);
            return;
        }

        _engine.Decide(Plan, situation, Buffer);
    }

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

    private DecisionProgram? Program()
    {
        if (_program is null && _canCompile && ++_uses >= CompileAfter)
        {
            _program = DecisionProgram.Compile(Plan);
        }

        return _program;
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
