using System.Runtime.CompilerServices;
using Powers.Evaluation;
using Powers.Model;
using RulesEngine.Models;
using Engine = RulesEngine.RulesEngine;

namespace Powers.RulesEngine;

/// <summary>
/// Evaluates clauses by running their exported expressions through Microsoft RulesEngine: an oracle written by
/// other people, for checking the engine's own evaluators. RulesEngine is two-valued, so the result is exact on
/// situations where every fact the clause reads is known; when one is unknown the clause is reported unknown
/// (fail closed: never permits, but may leave undetermined what Kleene logic decides, e.g. <c>false and unknown</c>).
/// Each clause is compiled once into its own workflow; thread-safe. Slow by design: it is a test oracle.
/// </summary>
public sealed class RulesEngineEvaluator : IClauseEvaluator
{
    private const string WorkflowName = "clause";
    private const string RuleName = "clause";

    private static readonly ReSettings Settings = new();

    private readonly ConditionalWeakTable<Clause, Engine> _engines = [];

    /// <summary>The shared instance.</summary>
    public static RulesEngineEvaluator Instance { get; } = new();

    /// <inheritdoc />
    public string Name => "rulesengine";

    /// <inheritdoc />
    public Tri Evaluate(Clause clause, Situation situation)
    {
        ArgumentNullException.ThrowIfNull(clause);
        ArgumentNullException.ThrowIfNull(situation);
        if ((clause.FactMask & ~situation.KnownMask) != UInt128.Zero)
        {
            return Tri.Unknown;
        }

        var engine = _engines.GetValue(clause, Create);
        var input = new RuleParameter(RulesEngineNames.SituationParameter, SituationObjects.ToExpando(situation));
        var results = engine.ExecuteAllRulesAsync(WorkflowName, input).AsTask().GetAwaiter().GetResult();
        var result = results[0];
        if (!string.IsNullOrEmpty(result.ExceptionMessage))
        {
            throw new InvalidOperationException("RulesEngine could not evaluate clause '" + clause.Id + "' (" + result.Rule.Expression + "): " + result.ExceptionMessage);
        }

        return result.IsSuccess ? Tri.True : Tri.False;
    }

    private static Engine Create(Clause clause)
    {
        var workflow = new Workflow
        {
            WorkflowName = WorkflowName,
            Rules =
            [
                new Rule
                {
                    RuleName = RuleName,
                    RuleExpressionType = RuleExpressionType.LambdaExpression,
                    Expression = ExpressionTranslator.Translate(clause.Expression),
                },
            ],
        };
        return new Engine([workflow], Settings);
    }
}
