using BenchmarkDotNet.Attributes;
using Powers.Batch;
using Powers.Deciding;
using Powers.Evaluation;
using Powers.Model;
using Powers.Planning;
using Powers.TestSupport;

namespace Powers.Benchmarks;

/// <summary>
/// Many situations with one plan (every power of the 2013 law for a Met 2002 security CSO, who has six of the eight), half complete and
/// half partial. Each operation is one situation, that is <see cref="PowersPerSituation"/> power-decisions.
/// </summary>
[MemoryDiagnoser]
public class BatchBenchmarks
{
    /// <summary>Situations per invocation.</summary>
    public const int Size = 4096;

    private Situation[] _situations = null!;
    private DecisionPlan _plan = null!;
    private DecisionProgram _program = null!;
    private BatchDecider _batch = null!;
    private SituationBatch _packed = null!;
    private SituationBatch _repacked = null!;
    private BatchOutcomes _batchOutcomes = null!;
    private Outcome[] _outcomes = null!;
    private DecisionBuffer _buffer = null!;
    private Outcome[][] _expected = null!;

    /// <summary>Powers decided per situation.</summary>
    public int PowersPerSituation => _plan.Powers.Count;

    /// <summary>Builds the plan, the situations and their reference outcomes; checks each method.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var scenario = BenchmarkData.Scenario("complete-2013");
        _plan = scenario.Plan;
        var random = new RandomSituations(BenchmarkData.Library, 2013);
        _situations = new Situation[Size];
        _expected = new Outcome[Size][];
        var reference = _plan.CreateBuffer();
        for (int i = 0; i < Size; i++)
        {
            _situations[i] = random.Next(i % 2 == 0 ? 1.0 : 0.6);
            PlanDecider.Decide(_plan, _situations[i], ReferenceInterpreter.Instance, reference);
            _expected[i] = [.. reference.Outcomes];
        }

        _program = DecisionProgram.Compile(_plan);
        _batch = new BatchDecider(_plan);
        _packed = new SituationBatch(BenchmarkData.Library.Schema, Size);
        foreach (var s in _situations)
        {
            _packed.Add(s);
        }

        _repacked = new SituationBatch(BenchmarkData.Library.Schema, Size);
        _batchOutcomes = _batch.CreateOutcomes(Size);
        _outcomes = new Outcome[_plan.Powers.Count];
        _buffer = _plan.CreateBuffer();
        Check();
    }

    /// <summary>The compiled whole-decision program, one situation after another.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Size)]
    public Outcome ProgramLoop()
    {
        var outcome = Outcome.NotInForce;
        foreach (var s in _situations)
        {
            _program.DecideOutcomes(s, _outcomes);
            outcome |= _outcomes[0];
        }

        return outcome;
    }

    /// <summary>The reference interpreter, one situation after another.</summary>
    [Benchmark(OperationsPerInvoke = Size)]
    public Outcome InterpreterLoop()
    {
        var outcome = Outcome.NotInForce;
        foreach (var s in _situations)
        {
            PlanDecider.Decide(_plan, s, ReferenceInterpreter.Instance, _buffer);
            outcome |= _buffer.Outcomes[0];
        }

        return outcome;
    }

    /// <summary>Bit-parallel, 64 situations per word, over facts already packed.</summary>
    [Benchmark(OperationsPerInvoke = Size)]
    public int BatchPacked()
    {
        _batch.Decide(_packed, _batchOutcomes);
        return _batchOutcomes.Count;
    }

    /// <summary>Bit-parallel, packing the situations first.</summary>
    [Benchmark(OperationsPerInvoke = Size)]
    public int BatchWithPacking()
    {
        _repacked.Clear();
        foreach (var s in _situations)
        {
            _repacked.Add(s);
        }

        _batch.Decide(_repacked, _batchOutcomes);
        return _batchOutcomes.Count;
    }

    private void Check()
    {
        for (int i = 0; i < Size; i++)
        {
            _program.DecideOutcomes(_situations[i], _outcomes);
            Compare("program", i, p => _outcomes[p]);
        }

        InterpreterLoop();
        BatchPacked();
        CheckBatch("batch");
        BatchWithPacking();
        CheckBatch("batch with packing");
        ProgramLoop();
    }

    private void CheckBatch(string what)
    {
        if (_batchOutcomes.Count != Size)
        {
            throw new InvalidOperationException(what + ": decided " + _batchOutcomes.Count + " situations");
        }

        for (int i = 0; i < Size; i++)
        {
            Compare(what, i, p => _batchOutcomes[i, p]);
        }
    }

    private void Compare(string what, int situation, Func<int, Outcome> actual)
    {
        for (int p = 0; p < _plan.Powers.Count; p++)
        {
            if (actual(p) != _expected[situation][p])
            {
                throw new InvalidOperationException(what + ": situation " + situation + ", power " + p + ": " + actual(p) + " vs " + _expected[situation][p]);
            }
        }
    }
}
