using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Engine = RulesEngine.RulesEngine;
using Microsoft.Extensions.DependencyInjection;
using Powers.Deciding;
using Powers.Decisions;
using Powers.Evaluation;
using Powers.Hosting;
using Powers.Model;
using Powers.Planning;
using Powers.Queries;
using Powers.RulesEngine;
using RulesEngine.Models;

namespace Powers.Benchmarks;

/// <summary>
/// The paths users call, JSON in and decision out, against Microsoft RulesEngine doing the same on the workflow
/// <c>powers export</c> writes: the baseline reads the query document with System.Text.Json into an ExpandoObject
/// of facts (unknown ones at their defaults, as the oracle tests do) and runs every rule. Also RulesEngine on a
/// prebuilt input, the baseline of the typed path. Every method's result is checked in setup against the
/// reference interpreter. The hosted methods read each answer as a host does (issue 20): the README's loop over
/// <c>answer.Decision.Powers</c>, or the decision document written at a level of detail into a reused
/// <see cref="Utf8JsonWriter"/>, as an endpoint's <c>Results.Json(answer)</c> writes it.
/// </summary>
[MemoryDiagnoser]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "BenchmarkDotNet calls GlobalCleanup, which disposes the writer; a benchmark class may not be sealed.")]
public class FrontDoorBenchmarks
{
    private Scenario _scenario = null!;
    private ServiceProvider _services = null!;
    private IPowersService _powers = null!;
    private PowersEngine _engine = null!;
    private Situation _situation = null!;
    private DecisionBuffer _buffer = null!;
    private Engine _rulesEngine = null!;
    private string _workflow = null!;
    private RuleParameter[] _prebuilt = null!;
    private byte[] _utf8 = null!;
    private System.Buffers.ArrayBufferWriter<byte> _document = null!;
    private Utf8JsonWriter _writer = null!;

    /// <summary>The scenario.</summary>
    [ParamsSource(nameof(Names))]
    public string Scenario { get; set; } = "complete-2013";

    /// <summary>The scenario names.</summary>
    public static IEnumerable<string> Names => BenchmarkData.ScenarioNames;

    /// <summary>Builds a hosted service (records off), the engine and RulesEngine; checks every method.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _scenario = BenchmarkData.Scenario(Scenario);
        _utf8 = System.Text.Encoding.UTF8.GetBytes(_scenario.Json);
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddPowers();
        _services = services.BuildServiceProvider();
        _powers = _services.GetRequiredService<IPowersService>();
        _engine = new PowersEngine(BenchmarkData.Library);
        _situation = _scenario.Query.Situation;
        _buffer = _scenario.Plan.CreateBuffer();
        var workflows = WorkflowExporter.Export(_scenario.Plan);
        _workflow = workflows[0].WorkflowName;
        _rulesEngine = new Engine([.. workflows], new ReSettings());
        _prebuilt = [new RuleParameter(RulesEngineNames.SituationParameter, SituationObjects.ToExpando(_situation))];
        _document = new System.Buffers.ArrayBufferWriter<byte>(64 * 1024);
        _writer = new Utf8JsonWriter(_document);
        Check();
    }

    /// <summary>Disposes the service provider.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _writer.Dispose();
        _services.Dispose();
    }

    /// <summary>RulesEngine, JSON in: System.Text.Json into an ExpandoObject of facts, then every rule. The baseline.</summary>
    [Benchmark(Baseline = true)]
    public List<RuleResultTree> RulesEngineFromJson()
    {
        using var document = JsonDocument.Parse(_scenario.Json);
        var input = new RuleParameter(RulesEngineNames.SituationParameter, JsonFacts.Expando(BenchmarkData.Library.Schema, document.RootElement));
        return _rulesEngine.ExecuteAllRulesAsync(_workflow, input).AsTask().GetAwaiter().GetResult();
    }

    /// <summary>RulesEngine on a prebuilt ExpandoObject (the baseline of the typed path).</summary>
    [Benchmark]
    public List<RuleResultTree> RulesEnginePrebuilt() => _rulesEngine.ExecuteAllRulesAsync(_workflow, _prebuilt).AsTask().GetAwaiter().GetResult();

    /// <summary>The README's hosted path: <c>IPowersService.Decide(queryJson)</c>, explained, records off.</summary>
    [Benchmark]
    public PowersAnswer HostedDecide() => _powers.Decide(_scenario.Json);

    /// <summary>The README's loop: decide, then read every power's name and outcome.</summary>
    [Benchmark]
    public int HostedReadmeLoop()
    {
        var answer = _powers.Decide(_scenario.Json);
        int sum = 0;
        foreach (var power in answer.Decision!.Powers)
        {
            sum += power.Power.Length + (int)power.Outcome;
        }

        return sum;
    }

    /// <summary>Decide, then write the whole decision document (permittedIf included) into a reused writer.</summary>
    [Benchmark]
    public long HostedDocumentFull() => Document(DecisionDetail.Full);

    /// <summary>Decide, then write the document at <c>reasons</c> detail into a reused writer.</summary>
    [Benchmark]
    public long HostedDocumentReasons() => Document(DecisionDetail.Reasons);

    /// <summary>Decide, then write <c>{"power": "outcome"}</c> into a reused writer.</summary>
    [Benchmark]
    public long HostedDocumentOutcomes() => Document(DecisionDetail.Outcomes);

    /// <summary>The hosted path from the request body's UTF-8 bytes.</summary>
    [Benchmark]
    public PowersAnswer HostedDecideUtf8() => _powers.Decide(_utf8);

    /// <summary>The typed path with full explanation: the cached, compiled plan into a caller-owned buffer.</summary>
    [Benchmark]
    public Outcome TypedExplained()
    {
        _engine.Plans.Get(_scenario.Query).Decide(_situation, _buffer);
        return _buffer.Outcomes[0];
    }

    /// <summary>The typed convenience call: a <see cref="Decision"/> (its rich view is built only when read).</summary>
    [Benchmark]
    public Decision TypedDecision() => _engine.Decide(_scenario.Query);

    private long Document(DecisionDetail detail)
    {
        var answer = _powers.Decide(_utf8);
        _document.ResetWrittenCount();
        _writer.Reset(_document);
        answer.WithDetail(detail).WriteTo(_writer);
        _writer.Flush();
        return _writer.BytesCommitted;
    }

    private void Check()
    {
        var expected = _scenario.Expected;
        // Compile the cached plans first, so the checks below run the code the measurements run.
        for (int i = 0; i <= PlanCache.DefaultCompileAfter; i++)
        {
            HostedDecide();
            TypedExplained();
        }

        BenchmarkData.CheckExplained("typed explained", _scenario.Plan, expected, _buffer);
        foreach (var answer in new[] { HostedDecide(), HostedDecideUtf8() })
        {
            var decision = answer.Decision ?? throw new InvalidOperationException("hosted: " + string.Join("; ", answer.Errors));
            for (int p = 0; p < decision.Count; p++)
            {
                if (decision.OutcomeAt(p) != expected.Outcomes[p])
                {
                    throw new InvalidOperationException("hosted: power " + decision.PowerAt(p) + " differs");
                }
            }
        }

        // The document each level writes is the reference writer's (DecisionDocumentBytesTests holds them byte for byte).
        foreach (var detail in new[] { DecisionDetail.Full, DecisionDetail.Reasons, DecisionDetail.Outcomes })
        {
            Document(detail);
            string written = System.Text.Encoding.UTF8.GetString(_document.WrittenSpan);
            string expectedJson = HostedDecide().WithDetail(detail).ToJson();
            if (!System.Text.Json.Nodes.JsonNode.DeepEquals(System.Text.Json.Nodes.JsonNode.Parse(written), System.Text.Json.Nodes.JsonNode.Parse(expectedJson)))
            {
                throw new InvalidOperationException("hosted document at " + detail + " differs from ToJson");
            }
        }

        if (HostedReadmeLoop() == 0)
        {
            throw new InvalidOperationException("the README loop read nothing");
        }

        var typed = TypedDecision();
        for (int p = 0; p < typed.Count; p++)
        {
            if (typed.OutcomeAt(p) != expected.Outcomes[p])
            {
                throw new InvalidOperationException("typed decision: power " + typed.PowerAt(p) + " differs");
            }
        }

        var fromJson = RulesEngineFromJson();
        var prebuilt = RulesEnginePrebuilt();
        for (int p = 0; p < prebuilt.Count; p++)
        {
            if (fromJson[p].IsSuccess != prebuilt[p].IsSuccess)
            {
                throw new InvalidOperationException("RulesEngine from JSON disagrees with the prebuilt input on " + prebuilt[p].Rule.RuleName);
            }
        }
    }
}
