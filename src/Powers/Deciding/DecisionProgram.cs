using Powers.Evaluation;
using Powers.Model;
using Powers.Planning;

namespace Powers.Deciding;

/// <summary>
/// A <see cref="DecisionPlan"/> compiled into two straight-line delegates: one that decides every power of the
/// plan (outcomes only), and one, compiled on first use, that also explains (clause statuses, missing facts) into a
/// <see cref="DecisionBuffer"/>. Compiling takes milliseconds, so build one per plan and reuse it; deciding
/// allocates nothing and is thread-safe (each thread with its own buffer). Agrees exactly with
/// <see cref="PlanDecider"/> over the <see cref="ReferenceInterpreter"/>.
/// </summary>
internal sealed class DecisionProgram
{
    private readonly OutcomeFunction _outcomes;
    private ExplainedFunction? _explained;
    private readonly int _facts;
    private readonly int _powers;
    private readonly int _clauses;

    private DecisionProgram(DecisionPlan plan)
    {
        Plan = plan;
        _facts = plan.Library.Schema.Count;
        _powers = plan.PowerArray.Length;
        _clauses = plan.ClauseArray.Length;
        _outcomes = DecisionProgramCompiler.CompileOutcomes(plan);
    }

    /// <summary>The plan compiled.</summary>
    public DecisionPlan Plan { get; }

    /// <summary>The number of powers, the length of an outcome array.</summary>
    public int PowerCount => _powers;

    /// <summary>Compiles a plan.</summary>
    public static DecisionProgram Compile(DecisionPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return new DecisionProgram(plan);
    }

    /// <summary>Decides every power into <paramref name="outcomes"/> (at least <see cref="PowerCount"/> long), allocating nothing.</summary>
    public void DecideOutcomes(Situation situation, Outcome[] outcomes)
    {
        ArgumentNullException.ThrowIfNull(situation);
        ArgumentNullException.ThrowIfNull(outcomes);
        Check(situation, outcomes.Length);
        _outcomes(situation.Values, situation.KnownLow, situation.KnownHigh, outcomes);
    }

    /// <summary>Decides and explains into a buffer made by <see cref="DecisionPlan.CreateBuffer"/>, allocating nothing.</summary>
    public void Decide(Situation situation, DecisionBuffer buffer)
    {
        ArgumentNullException.ThrowIfNull(situation);
        ArgumentNullException.ThrowIfNull(buffer);
        Check(situation, buffer.Outcomes.Length);
        if (buffer.Statuses.Length < _clauses || buffer.Missing.Length < _powers)
        {
            throw new ArgumentException("The buffer was not made for this plan.", nameof(buffer));
        }

        if (!ReferenceEquals(buffer.MissingWrittenBy, Plan))
        {
            // The compiled form leaves the masks of powers with a fixed outcome as they are: make them zero once.
            Array.Clear(buffer.Missing);
            buffer.MissingWrittenBy = Plan;
        }

        var explained = _explained ?? CompileExplained();
        explained(situation.Values, situation.KnownLow, situation.KnownHigh, buffer.Statuses, buffer.Outcomes, buffer.Missing);
    }

    private ExplainedFunction CompileExplained()
    {
        // Compiled on first use: a stream that asks only for outcomes never pays for it. Racing threads may both
        // compile; the first to publish wins and both results are equivalent.
        var compiled = DecisionProgramCompiler.CompileExplained(Plan);
        return Interlocked.CompareExchange(ref _explained, compiled, null) ?? compiled;
    }

    private void Check(Situation situation, int outcomes)
    {
        if (situation.Values.Length != _facts)
        {
            throw new ArgumentException("The situation follows another fact schema.", nameof(situation));
        }

        if (outcomes < _powers)
        {
            throw new ArgumentException("The outcome array is shorter than the plan's powers.", nameof(outcomes));
        }
    }
}
