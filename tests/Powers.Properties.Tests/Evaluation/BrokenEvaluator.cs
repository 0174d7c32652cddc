using Powers.Evaluation;
using Powers.Model;

namespace Powers.Properties.Tests.Evaluation;

/// <summary>A deliberately broken evaluator: the reference interpreter with one clause (by id) inverted.</summary>
/// <param name="clauseId">The clause to invert.</param>
public sealed class BrokenEvaluator(string clauseId) : IClauseEvaluator
{
    /// <inheritdoc />
    public string Name => "broken";

    /// <inheritdoc />
    public Tri Evaluate(Clause clause, Situation situation)
    {
        var status = ReferenceInterpreter.Instance.Evaluate(clause, situation);
        return clause.Id != clauseId ? status : status switch
        {
            Tri.True => Tri.False,
            Tri.False => Tri.True,
            _ => Tri.Unknown,
        };
    }
}
