using System.Text;
using Powers.Deciding;
using Powers.Evaluation;
using Powers.Model;
using Powers.Planning;

namespace Powers.Properties.Tests.Support;

/// <summary>Decides one plan and situation with two evaluators and describes every difference.</summary>
public static class DecisionComparer
{
    /// <summary>Null when the evaluators agree on every outcome, clause status and missing fact; else what differs.</summary>
    public static string? Differences(DecisionPlan plan, Situation situation, IClauseEvaluator a, IClauseEvaluator b, bool compareMissing = true)
    {
        var left = plan.CreateBuffer();
        var right = plan.CreateBuffer();
        PlanDecider.Decide(plan, situation, a, left);
        PlanDecider.Decide(plan, situation, b, right);
        var text = new StringBuilder();
        for (int c = 0; c < plan.Clauses.Count; c++)
        {
            if (left.Statuses[c] != right.Statuses[c])
            {
                var clause = plan.Clauses[c];
                text.Append("clause '").Append(clause.Id).Append("' (").Append(clause.ExpressionText).Append("): ")
                    .Append(a.Name).Append(" says ").Append(left.Statuses[c]).Append(", ")
                    .Append(b.Name).Append(" says ").Append(right.Statuses[c]).AppendLine();
            }
        }

        for (int p = 0; p < plan.Powers.Count; p++)
        {
            if (left.Outcomes[p] != right.Outcomes[p] || (compareMissing && left.Missing[p] != right.Missing[p]))
            {
                text.Append("power '").Append(plan.Powers[p].Power.Id).Append("': ")
                    .Append(a.Name).Append(" says ").Append(OutcomeNames.Name(left.Outcomes[p])).Append(", ")
                    .Append(b.Name).Append(" says ").Append(OutcomeNames.Name(right.Outcomes[p])).AppendLine();
            }
        }

        return text.Length == 0 ? null : text.ToString();
    }

    /// <summary>Fails the property with the differences, if any.</summary>
    public static void AssertAgree(DecisionPlan plan, Situation situation, IClauseEvaluator a, IClauseEvaluator b, bool compareMissing = true)
    {
        string? differences = Differences(plan, situation, a, b, compareMissing);
        if (differences is not null)
        {
            throw new PropertyViolationException("The evaluators disagree:" + Environment.NewLine + differences);
        }
    }
}
