using BenchmarkDotNet.Attributes;
using Powers.Analysis;
using Powers.Deciding;
using Powers.Decisions;
using Powers.Evaluation;
using Powers.Planning;
using Powers.Queries;

namespace Powers.Benchmarks;

/// <summary>
/// What residuals (permittedIf and example) cost: each power's view of a partial situation's decision (several
/// powers undetermined), read without explaining, and explained (<see cref="Decision.Explain"/>). Setup checks that
/// the residuals exist only when explained and that the outcomes are the reference interpreter's.
/// </summary>
[MemoryDiagnoser]
public class ResidualBenchmarks
{
    private Scenario _scenario = null!;
    private DecisionBuffer _buffer = null!;

    /// <summary>The scenario: a partial situation.</summary>
    [Params("partial-2013", "partial-2018")]
    public string Scenario { get; set; } = "partial-2018";

    /// <summary>Decides once and checks both views.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _scenario = BenchmarkData.Scenario(Scenario);
        _buffer = _scenario.Plan.CreateBuffer();
        PlanDecider.Decide(_scenario.Plan, _scenario.Query.Situation, ReferenceInterpreter.Instance, _buffer);
        BenchmarkData.CheckOutcomes("residuals", _scenario.Expected, _buffer.Outcomes);
        int undetermined = WithResiduals();
        if (undetermined == 0 || WithoutResiduals() != 0 || Searched() != undetermined)
        {
            throw new InvalidOperationException("The residual benchmark needs undetermined powers with residuals, and none without the situation.");
        }
    }

    /// <summary>Each power's view: clauses, statuses and missing facts, no residuals.</summary>
    [Benchmark(Baseline = true)]
    public int WithoutResiduals() => Count(Decision.FromBuffer(_scenario.Plan, _scenario.Query.Date, _buffer, _scenario.Query.Situation).Powers);

    /// <summary>The explained decision: permittedIf and example for every undetermined power.</summary>
    [Benchmark]
    public int WithResiduals() => Count(Decision.FromBuffer(_scenario.Plan, _scenario.Query.Date, _buffer, _scenario.Query.Situation).Explain());

    /// <summary>
    /// The search itself, every undetermined power's residual computed afresh (what <see cref="WithResiduals"/> costs
    /// the first time a plan sees these known facts; after that the plan's residual cache answers).
    /// </summary>
    [Benchmark]
    public int Searched()
    {
        var residuals = ResidualAnalyzer.ComputeAll(_scenario.Plan, _buffer, _scenario.Query.Situation, new AnalysisMeter(AnalysisBudget.Explanation));
        int n = 0;
        foreach (var residual in residuals)
        {
            n += residual?.Condition is null ? 0 : 1;
        }

        return n;
    }

    private static int Count(IReadOnlyList<PowerDecision> powers)
    {
        int n = 0;
        foreach (var power in powers)
        {
            n += power.PermittedIf is null ? 0 : 1;
        }

        return n;
    }
}
