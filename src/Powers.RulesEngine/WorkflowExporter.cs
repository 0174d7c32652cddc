using System.Globalization;
using Powers.Model;
using Powers.Planning;
using RulesEngine.Models;

namespace Powers.RulesEngine;

/// <summary>
/// Exports a decision plan (a rule set version and a designation, optionally on a date) as a Microsoft RulesEngine
/// workflow named <c>ID@VERSION</c>: one rule per power of the library, named by its power id, which succeeds
/// exactly when the decision for a complete situation is <c>permitted</c>. A power decided by its clauses is a
/// nested rule (operator <c>And</c>) with one child per clause, so a RulesEngine user sees which clause failed; a
/// power that is not in force or not designated is the expression <c>false</c>, and its error message says why.
/// </summary>
public static class WorkflowExporter
{
    /// <summary>The workflows of a plan: the first (and only) is named after the rule set version.</summary>
    public static IReadOnlyList<Workflow> Export(DecisionPlan plan) => [ExportWorkflow(plan)];

    /// <summary>The workflow of a plan, named <c>ID@VERSION</c>.</summary>
    public static Workflow ExportWorkflow(DecisionPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var version = plan.Version ?? throw new ArgumentException("The plan has no version of the law; a workflow is exported for one version.", nameof(plan));
        var rules = new List<Rule>(plan.Powers.Count);
        foreach (var power in plan.Powers)
        {
            rules.Add(ExportPower(plan, version, power));
        }

        return new Workflow
        {
            WorkflowName = version.Id,
            RuleExpressionType = RuleExpressionType.LambdaExpression,
            Rules = rules,
        };
    }

    private static Rule ExportPower(DecisionPlan plan, RuleSetVersion version, PowerPlan power)
    {
        var properties = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["title"] = power.Rule?.Title ?? power.Power.Title,
            ["ruleset"] = version.Id,
            ["revision"] = version.Revision,
            ["sha256"] = version.Sha256,
            ["designation"] = plan.Designation.Id ?? "ad-hoc: " + plan.Designation.Force + " [" + string.Join(", ", plan.Designation.Powers.Order(StringComparer.Ordinal)) + "]",
        };
        if (plan.Date is { } date)
        {
            properties["date"] = EffectiveRange.Format(date);
        }

        if (power.Rule is { } rule)
        {
            properties["cite"] = rule.Cite;
        }

        if (power.Kind != PowerPlanKind.Evaluate)
        {
            string outcome = power.Kind == PowerPlanKind.NotInForce ? OutcomeNames.Name(Outcome.NotInForce) : OutcomeNames.Name(Outcome.NotDesignated);
            string reason = outcome + ": " + (power.Reason ?? "no reason given");
            properties["outcome"] = outcome;
            properties["description"] = reason;
            return new Rule
            {
                RuleName = power.Power.Id,
                RuleExpressionType = RuleExpressionType.LambdaExpression,
                Expression = "false",
                ErrorMessage = reason,
                Properties = properties,
            };
        }

        properties["description"] = "Permitted when every clause holds (" + power.ClauseIndices.Length.ToString(CultureInfo.InvariantCulture) + " clauses).";
        if (power.ClauseIndices.Length == 0)
        {
            return new Rule
            {
                RuleName = power.Power.Id,
                RuleExpressionType = RuleExpressionType.LambdaExpression,
                Expression = "true",
                SuccessEvent = RulesEngineNames.PermittedEvent,
                Properties = properties,
            };
        }

        var children = new List<Rule>(power.ClauseIndices.Length);
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (int index in power.ClauseIndices)
        {
            children.Add(ExportClause(plan.Clauses[index], names));
        }

        return new Rule
        {
            RuleName = power.Power.Id,
            Operator = RulesEngineNames.AndOperator,
            Rules = children,
            SuccessEvent = RulesEngineNames.PermittedEvent,
            ErrorMessage = "Not permitted: at least one clause does not hold.",
            Properties = properties,
        };
    }

    private static Rule ExportClause(Clause clause, HashSet<string> names)
    {
        string name = clause.Origin == ClauseOrigin.Restriction ? "restriction:" + clause.Id : clause.Id;
        string unique = name;
        for (int n = 2; !names.Add(unique); n++)
        {
            unique = name + "#" + n.ToString(CultureInfo.InvariantCulture);
        }

        var properties = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["origin"] = clause.Origin switch
            {
                ClauseOrigin.General => "general",
                ClauseOrigin.Restriction => "restriction",
                _ => "power",
            },
            ["when"] = clause.ExpressionText,
            ["cite"] = clause.Cite,
            ["text"] = clause.Text,
            ["confidence"] = clause.Confidence == Confidence.Low ? "low" : "high",
        };
        if (clause.Note is { } note)
        {
            properties["note"] = note;
        }

        return new Rule
        {
            RuleName = unique,
            RuleExpressionType = RuleExpressionType.LambdaExpression,
            Expression = ExpressionTranslator.Translate(clause.Expression),
            ErrorMessage = clause.Text + " (" + clause.Cite + ")",
            Properties = properties,
        };
    }
}
