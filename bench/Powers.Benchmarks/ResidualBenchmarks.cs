using BenchmarkDotNet.Attributes;
using Powers.Deciding;
using Powers.Decisions;
using Powers.Evaluation;
using Powers.Planning;
using Powers.Queries;

namespace Powers.Benchmarks;

/// <summary>
/// What residuals (permittedIf and example) cost: the rich decision of a partial situation (several powers
/// undetermined) built without the situation, so no residuals, and with it. Setup checks that the residuals exist
/// and that the outcomes are the reference interpreter's.
/// </summary>
[MemoryDiagnoser]
public class ResidualBenchmarks
{
    private Scenario _scenario = null!;
    private DecisionBuffer _buffer = null!;

    /// <summary>The scenario: a partial situation.</summary>
    [Params("partial-2018")]
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
        if (undetermined == 0 || WithoutResiduals() != 0)
        {
            throw new InvalidOperationException("The residual benchmark needs undetermined powers with residuals, and none without the situation.");
        }
    }

    /// <summary>The rich decision without residuals: clauses, statuses and missing facts only.</summary>
    [Benchmark(Baseline = true)]
    public int WithoutResiduals() => Count(Decision.FromBuffer(_scenario.Plan, _scenario.Query.Date, _buffer));

    /// <summary>The rich decision with permittedIf and example for every undetermined power.</summary>
    [Benchmark]
    public int WithResiduals() => Count(Decision.FromBuffer(_scenario.Plan, _scenario.Query.Date, _buffer, _scenario.Query.Situation));

    private static int Count(Decision decision)
    {
        int n = 0;
        foreach (var power in decision.Powers)
        {
            n += power.PermittedIf is null ? 0 : 1;
        }

        return n;
    }
}
