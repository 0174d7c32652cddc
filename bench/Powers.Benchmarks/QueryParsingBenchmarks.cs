using BenchmarkDotNet.Attributes;
using Powers.Evaluation;
using Powers.Queries;
using Powers.TestSupport;

namespace Powers.Benchmarks;

/// <summary>
/// Reading one NDJSON query line (the cost that dominates <c>powers query --input FILE.ndjson</c>): the full
/// <see cref="QueryReader"/> against the allocation-free <see cref="CompactQueryReader"/> fast path.
/// </summary>
[MemoryDiagnoser]
public class QueryParsingBenchmarks
{
    private string _line = null!;
    private CompactQueryReader _compact = null!;
    private Situation _situation = null!;
    private List<QueryError> _errors = null!;

    /// <summary>
    /// The line: a typical generated one, an ad-hoc designation with restrictions (para. 4(1)(b)), or the query
    /// document of a <see cref="FrontDoorBenchmarks"/> scenario (the read inside <c>HostedDecide</c>).
    /// </summary>
    [Params("generated", "restrictions", "complete-adhoc-2018", "complete-2013")]
    public string Shape { get; set; } = "generated";

    /// <summary>Takes the line and checks both readers agree on it.</summary>
    [GlobalSetup]
    public void Setup()
    {
        using var writer = new StringWriter();
        NdjsonGenerator.Write(BenchmarkData.Library, writer, 1, seed: 4);
        _line = Shape == "generated" ? writer.ToString().TrimEnd('\n')
            : BenchmarkData.Queries.TryGetValue(Shape, out string? scenario) ? scenario
            : """{"date":"2010-06-01","designation":{"force":"kent","powers":["road-check","detain-pending-constable"],"restrictions":[{"id":"motorways","when":"constableInCompany","text":"Only with a constable.","powers":["road-check"]}]},"facts":{"inUniform":true,"inPoliceArea":true}}""";
        _compact = new CompactQueryReader(BenchmarkData.Library);
        _situation = new Situation(BenchmarkData.Library.Schema);
        _errors = [];
        var full = Full() ?? throw new InvalidOperationException("the full reader rejects " + _line);
        if (!Compact() || full.Situation.KnownMask != _situation.KnownMask)
        {
            throw new InvalidOperationException("the readers disagree on " + _line);
        }
    }

    /// <summary>The full reader: JSON tree with positions, then resolution.</summary>
    [Benchmark(Baseline = true)]
    public Query? Full()
    {
        _errors.Clear();
        return QueryReader.Parse(BenchmarkData.Library, _line, _errors);
    }

    /// <summary>The fast path: straight into a reused situation.</summary>
    [Benchmark]
    public bool Compact() => _compact.TryRead(_line, _situation, out _, out _, out _);
}
