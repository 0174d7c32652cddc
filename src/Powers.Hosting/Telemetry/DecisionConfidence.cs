using Powers.Evaluation;
using Powers.Model;

namespace Powers.Hosting.Telemetry;

/// <summary>The confidence of one power's outcome, as the <c>powers.confidence</c> tag names it.</summary>
internal static class DecisionConfidence
{
    /// <summary>
    /// <c>low</c> when the outcome rests on a low-confidence reading (domain.md, second version): the power's own
    /// entry, or a clause that decided it (for <c>denied</c>, only when no high-confidence clause failed as well);
    /// else <c>high</c>. Provisional: to be replaced by the decision's own confidence once the model carries it.
    /// </summary>
    public static string Name(PowerDecision power)
    {
        if (power.Plan.Rule is { Confidence: Confidence.Low })
        {
            return "low";
        }

        if (power.Outcome == Outcome.Denied)
        {
            foreach (var clause in power.Clauses)
            {
                if (clause.Status == Tri.False && clause.Clause.Confidence == Confidence.High)
                {
                    return "high";
                }
            }

            return "low";
        }

        foreach (var clause in power.Clauses)
        {
            if (clause.Clause.Confidence == Confidence.Low)
            {
                return "low";
            }
        }

        return "high";
    }
}
