using Powers.Model;

namespace Powers.Evaluation;

/// <summary>
/// Evaluates one clause against a situation, three-valued. Implementations must agree exactly. This is the one
/// contract every plan-level decider works through: clause by clause, a plan asks its evaluator for every clause
/// at once (<see cref="EvaluateAll"/>), and only an evaluator that says it agrees with the reference interpreter
/// may be replaced by the plan's compiled program.
/// </summary>
public interface IClauseEvaluator
{
    /// <summary>A short name for messages and benchmarks.</summary>
    string Name { get; }

    /// <summary>
    /// Whether this evaluator agrees with <see cref="ReferenceInterpreter"/> by construction, so that a plan cache
    /// may replace it by the plan compiled as a whole (which the tests prove equal to the interpreter). True for the
    /// interpreter; the default, false, is for an evaluator under test or an oracle (the RulesEngine one), which must
    /// then be called for every clause of every decision.
    /// </summary>
    bool AgreesWithReferenceInterpreter => false;

    /// <summary>The clause's value in the situation.</summary>
    Tri Evaluate(Clause clause, Situation situation);

    /// <summary>
    /// The value of every clause into <paramref name="statuses"/>, at the same positions. The default calls
    /// <see cref="Evaluate"/> for each; an evaluator overrides it to save a dispatch per clause.
    /// </summary>
    void EvaluateAll(ReadOnlySpan<Clause> clauses, Situation situation, Span<Tri> statuses)
    {
        for (int i = 0; i < clauses.Length; i++)
        {
            statuses[i] = Evaluate(clauses[i], situation);
        }
    }
}
