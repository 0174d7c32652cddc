using System.Text;
using Powers.Deciding;
using Powers.Evaluation;
using Powers.Model;
using Powers.Planning;

namespace Powers.Properties.Tests.Support;

/// <summary>Decides one plan and situation two ways (two evaluators, or the interpreter and the plan's program) and describes every difference.</summary>
public static class DecisionComparer
{
    /// <summary>Null when the evaluators agree on every outcome, clause status and missing fact; else what differs.</summary>
    public static string? Differences(DecisionPlan plan, Situation situation, IClauseEvaluator a, IClauseEvaluator b, bool compareMissing = true)
    {
        var left = plan.CreateBuffer();
        var right = plan.CreateBuffer();
        PlanDecider.Decide(plan, situation, a, left);
        PlanDecider.Decide(plan, situation, b, right);
        return Differences(plan, a.Name, left, b.Name, right, compareMissing);
    }

    /// <summary>Fails the property if the plan compiled as a whole decides otherwise than the reference interpreter.</summary>
    public static void AssertProgramAgrees(DecisionPlan plan, Situation situation)
    {
        var expected = plan.CreateBuffer();
        var actual = plan.CreateBuffer();
        PlanDecider.Decide(plan, situation, ReferenceInterpreter.Instance, expected);
        DecisionProgram.Compile(plan).Decide(situation, actual);
        Fail(Differences(plan, ReferenceInterpreter.Instance.Name, expected, "program", actual, compareMissing: true));
    }

    /// <summary>Fails the property with the differences, if any.</summary>
    public static void AssertAgree(DecisionPlan plan, Situation situation, IClauseEvaluator a, IClauseEvaluator b, bool compareMissing = true) =>
        Fail(Differences(plan, situation, a, b, compareMissing));

    private static void Fail(string? differences)
    {
        if (differences is not null)
        {
            throw new PropertyViolationException("The evaluators disagree:" + Environment.NewLine + differences);
        }
    }

    private static string? Differences(DecisionPlan plan, string a, DecisionBuffer left, string b, DecisionBuffer right, bool compareMissing)
    {
        var text = new StringBuilder();
        for (int c = 0; c < plan.Clauses.Count; c++)
        {
            if (left.Statuses[c] != right.Statuses[c])
            {
                var clause = plan.Clauses[c];
                text.Append("clause '").Append(clause.Id).Append("' (").Append(clause.ExpressionText).Append("): ")
                    .Append(a).Append(" says ").Append(left.Statuses[c]).Append(", ")
                    .Append(b).Append(" says ").Append(right.Statuses[c]).AppendLine();
            }
        }

        for (int p = 0; p < plan.Powers.Count; p++)
        {
            if (left.Outcomes[p] != right.Outcomes[p] || (compareMissing && left.Missing[p] != right.Missing[p]))
            {
                text.Append("power '").Append(plan.Powers[p].Power.Id).Append("': ")
                    .Append(a).Append(" says ").Append(OutcomeNames.Name(left.Outcomes[p])).Append(", ")
                    .Append(b).Append(" says ").Append(OutcomeNames.Name(right.Outcomes[p])).AppendLine();
            }
        }

        return text.Length == 0 ? null : text.ToString();
    }
}
