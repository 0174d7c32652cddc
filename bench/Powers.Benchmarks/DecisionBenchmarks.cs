using BenchmarkDotNet.Attributes;
using Engine = RulesEngine.RulesEngine;
using Powers.Deciding;
using Powers.Decisions;
using Powers.Evaluation;
using Powers.Model;
using Powers.Planning;
using Powers.Queries;
using Powers.RulesEngine;
using RulesEngine.Models;

namespace Powers.Benchmarks;

/// <summary>
/// One full decision (every power, one date, designation and situation), several ways. The baseline is Microsoft
/// RulesEngine running the workflow <c>powers export --format rulesengine</c> produces for the same plan, on the
/// same situation as the object <see cref="SituationObjects"/> builds. Each method's result is checked in setup.
/// </summary>
[MemoryDiagnoser]
public class DecisionBenchmarks
{
    private Scenario _scenario = null!;
    private Situation _situation = null!;
    private DecisionBuffer _buffer = null!;
    private Outcome[] _outcomes = null!;
    private DecisionProgram _program = null!;
    private PowersEngine _engine = null!;
    private Engine _rulesEngine = null!;
    private string _workflow = null!;
    private RuleParameter[] _input = null!;

    /// <summary>The scenario.</summary>
    [ParamsSource(nameof(Names))]
    public string Scenario { get; set; } = "complete-s44-2008";

    /// <summary>The scenario names.</summary>
    public static IEnumerable<string> Names => BenchmarkData.ScenarioNames;

    /// <summary>Builds everything once and checks every method's result against the reference interpreter.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _scenario = BenchmarkData.Scenario(Scenario);
        _situation = _scenario.Query.Situation;
        _buffer = _scenario.Plan.CreateBuffer();
        _outcomes = new Outcome[_scenario.Plan.Powers.Count];
        _program = DecisionProgram.Compile(_scenario.Plan);
        _engine = new PowersEngine(BenchmarkData.Library);
        var workflows = WorkflowExporter.Export(_scenario.Plan);
        _workflow = workflows[0].WorkflowName;
        _rulesEngine = new Engine([.. workflows], new ReSettings());
        _input = [new RuleParameter(RulesEngineNames.SituationParameter, SituationObjects.ToExpando(_situation))];
        Check();
    }

    /// <summary>Microsoft RulesEngine on the exported workflow: the baseline.</summary>
    [Benchmark(Baseline = true)]
    public List<RuleResultTree> RulesEngine() => _rulesEngine.ExecuteAllRulesAsync(_workflow, _input).AsTask().GetAwaiter().GetResult();

    /// <summary>The reference interpreter, clause by clause, into a caller-owned buffer.</summary>
    [Benchmark]
    public Outcome Interpreter()
    {
        PlanDecider.Decide(_scenario.Plan, _situation, ReferenceInterpreter.Instance, _buffer);
        return _buffer.Outcomes[0];
    }

    /// <summary>The whole plan compiled into one delegate: outcomes only (the bare decision).</summary>
    [Benchmark]
    public Outcome Program()
    {
        _program.DecideOutcomes(_situation, _outcomes);
        return _outcomes[0];
    }

    /// <summary>The whole plan compiled into one delegate, with explanations: clause statuses and missing facts.</summary>
    [Benchmark]
    public Outcome ProgramExplained()
    {
        _program.Decide(_situation, _buffer);
        return _buffer.Outcomes[0];
    }

    /// <summary>The convenience API: plans the query and builds the rich decision objects (allocates).</summary>
    [Benchmark]
    public Decision RichDecision() => _engine.Decide(_scenario.Query);

    private void Check()
    {
        var expected = _scenario.Expected;
        var plan = _scenario.Plan;
        Interpreter();
        BenchmarkData.CheckExplained("interpreter", plan, expected, _buffer);
        Program();
        BenchmarkData.CheckOutcomes("program", expected, _outcomes);
        ProgramExplained();
        BenchmarkData.CheckExplained("program explained", plan, expected, _buffer);
        var rich = RichDecision();
        for (int p = 0; p < rich.Powers.Count; p++)
        {
            if (rich.Powers[p].Outcome != expected.Outcomes[p])
            {
                throw new InvalidOperationException("rich decision: power " + rich.Powers[p].Power + " differs");
            }
        }

        CheckRulesEngine(plan, expected);
    }

    private void CheckRulesEngine(DecisionPlan plan, DecisionBuffer expected)
    {
        // RulesEngine is two-valued and reads unknown facts as defaults: a permitted power must succeed and a denied
        // or fixed one must fail; an undetermined one may go either way.
        var results = RulesEngine();
        for (int p = 0; p < plan.Powers.Count; p++)
        {
            var result = results[p];
            if (!string.IsNullOrEmpty(result.ExceptionMessage) && result.ExceptionMessage != result.Rule.ErrorMessage)
            {
                throw new InvalidOperationException("RulesEngine: " + result.Rule.RuleName + ": " + result.ExceptionMessage);
            }

            var outcome = expected.Outcomes[p];
            if (result.Rule.RuleName != plan.Powers[p].Power.Id
                || (outcome == Outcome.Permitted && !result.IsSuccess)
                || (outcome is Outcome.Denied or Outcome.NotDesignated or Outcome.NotInForce && result.IsSuccess))
            {
                throw new InvalidOperationException("RulesEngine disagrees on " + result.Rule.RuleName + ": " + result.IsSuccess + " vs " + outcome);
            }
        }
    }
}
