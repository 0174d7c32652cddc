using Powers.Model;

namespace Powers.Evaluation;

/// <summary>Evaluates one clause against a situation, three-valued. Implementations must agree exactly.</summary>
public interface IClauseEvaluator
{
    /// <summary>A short name for messages and benchmarks.</summary>
    string Name { get; }

    /// <summary>The clause's value in the situation.</summary>
    Tri Evaluate(Clause clause, Situation situation);
}
