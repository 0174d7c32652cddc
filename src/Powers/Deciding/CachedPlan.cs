using Powers.Evaluation;
using Powers.Model;
using Powers.Planning;

namespace Powers.Deciding;

/// <summary>
/// A plan held by a <see cref="PlanCache"/>: the allocation-free loop of the front door. Make a buffer once with
/// <c>Plan.CreateBuffer()</c> and call <see cref="Decide"/> per situation; <c>buffer.Outcomes[i]</c> is the outcome
/// of <c>Plan.Powers[i]</c>. The plan is compiled into one program once it has served enough decisions to repay the
/// milliseconds compiling takes; until then, and always for an evaluator other than the reference interpreter,
/// decisions go clause by clause through <see cref="PlanDecider"/>. Either way the decision is the same.
/// Thread-safe; the buffers and outcome arrays are the caller's (one per thread).
/// </summary>
public sealed class CachedPlan
{
    private readonly IClauseEvaluator _evaluator;
    private readonly int _compileAfter;
    private DecisionProgram? _program;
    private DecisionBuffer? _spare;
    private int _uses;

    internal CachedPlan(DecisionPlan plan, IClauseEvaluator evaluator, int compileAfter)
    {
        Plan = plan;
        _evaluator = evaluator;
        _compileAfter = compileAfter;
    }

    /// <summary>
    /// The plan. It was built for the first query that needed it, so its <see cref="DecisionPlan.Date"/> may be
    /// another query's, and so may its <see cref="DecisionPlan.Designation"/> when that is ad hoc (another made day
    /// under the same transitional rules); a decision reports its own query's date and designation.
    /// </summary>
    public DecisionPlan Plan { get; }

    /// <summary>The compiled program, once compiled.</summary>
    internal DecisionProgram? Program => Volatile.Read(ref _program);

    /// <summary>Decides every power into <paramref name="outcomes"/>, allocating nothing.</summary>
    internal void DecideOutcomes(Situation situation, Outcome[] outcomes)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        if (ProgramForUse() is { } program)
        {
            program.DecideOutcomes(situation, outcomes);
            return;
        }

        // Until the plan compiles, the interpreter needs a whole buffer: reuse one (a racing thread makes its own).
        var buffer = Interlocked.Exchange(ref _spare, null) ?? Plan.CreateBuffer();
        PlanDecider.Decide(Plan, situation, _evaluator, buffer);
        buffer.Outcomes.CopyTo(outcomes, 0);
        Volatile.Write(ref _spare, buffer);
    }

    /// <summary>Decides and explains into a buffer made by <see cref="DecisionPlan.CreateBuffer"/>, allocating nothing.</summary>
    public void Decide(Situation situation, DecisionBuffer buffer)
    {
        if (ProgramForUse() is { } program)
        {
            program.Decide(situation, buffer);
            return;
        }

        PlanDecider.Decide(Plan, situation, _evaluator, buffer);
    }

    /// <summary>Compiles the program now, if the evaluator allows it (for hosts that warm up before serving).</summary>
    internal DecisionProgram? Compile() => _compileAfter == int.MaxValue ? null : Program ?? Publish();

    private DecisionProgram? ProgramForUse()
    {
        if (Volatile.Read(ref _program) is { } program)
        {
            return program;
        }

        return _compileAfter != int.MaxValue && Interlocked.Increment(ref _uses) >= _compileAfter ? Publish() : null;
    }

    private DecisionProgram Publish()
    {
        // Racing threads may both compile; the first to publish wins, and both programs decide alike.
        var compiled = DecisionProgram.Compile(Plan);
        return Interlocked.CompareExchange(ref _program, compiled, null) ?? compiled;
    }
}
