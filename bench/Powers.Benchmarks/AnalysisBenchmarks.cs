using System.Globalization;
using BenchmarkDotNet.Attributes;
using Powers.Analysis;
using Powers.Compilation;
using Powers.Model;
using Powers.Planning;
using Powers.TestSupport;

namespace Powers.Benchmarks;

/// <summary>
/// What <c>powers diff</c> and <c>powers verify</c> cost as a power reads more facts (issue 21, item 3; the benchmark
/// issue 11 asked for): the shipped library with <c>entry-to-save-life</c> given one more clause in every version,
/// <c>f1 or f2 or … or fN</c> over <see cref="ExtraFacts"/> more yes/no facts, against the shipped library. Diff compares
/// the power in the 2012-07-10 rule set for met-2002-security on 1 March 2013; verify proves, for every plan from
/// 10 July 2012, that the power is never permitted out of uniform (s. 42(2)). Both run within
/// <see cref="AnalysisBudget.Default"/>'s step and case limits without its clock, so a loaded machine measures the
/// same work. Setup checks that each finishes, that the diff finds the new clause's changes (none for 0) and that the
/// assertion is proved.
/// </summary>
[MemoryDiagnoser]
public class AnalysisBenchmarks
{
    private const string Power = "entry-to-save-life";

    /// <summary>Yes/no facts no version of the power reads, in the order the clause takes them.</summary>
    private static readonly string[] Spare =
    [
        "personMakingOff", "escortingAbnormalLoad", "roadCheckAuthorised", "inCordonedArea", "authorisationConfirmed",
        "licensingOffenceOnLicensedPremises", "personRequiredToWait", "electedPoliceStation", "forceToEnter",
        "vehicleMisuseCausingAlarm", "warningGivenOrDispensed", "ridingCycleOnRoad",
    ];

    private static readonly AnalysisBudget Budget = new() { TimeLimit = Timeout.InfiniteTimeSpan };
    private DecisionPlan _from = null!;
    private DecisionPlan _to = null!;
    private RuleLibrary _library = null!;
    private Assertion _assertion = null!;

    /// <summary>How many facts the clause adds to those the power reads, as text (the smoke test sets it).</summary>
    [ParamsSource(nameof(Counts))]
    public string ExtraFacts { get; set; } = "0";

    /// <summary>The parameter values: 0, 3, 6, 9 and 12 more facts.</summary>
    public static IEnumerable<string> Counts => ["0", "3", "6", "9", "12"];

    /// <summary>Compiles both libraries, builds the plans and checks both analyses once.</summary>
    [GlobalSetup]
    public void Setup()
    {
        int n = int.Parse(ExtraFacts, CultureInfo.InvariantCulture);
        var compiled = LibraryCompiler.Compile(LibraryFiles.FromMemory(Files(n)));
        _library = compiled.Library ?? throw new InvalidOperationException("the library with " + n + " more facts does not compile: " + string.Join("; ", compiled.Diagnostics));
        _assertion = _library.Assertions.Single(a => a.Id == "bench-entry-in-uniform");
        _from = Plan(ShippedLibrary.Instance);
        _to = Plan(_library);
        int changes = Diff();
        if ((n == 0) != (changes == 0))
        {
            throw new InvalidOperationException("diff with " + n + " more facts found " + changes + " changes");
        }

        var result = AssertionVerifier.Verify(_library, _assertion, Budget);
        if (!result.Proved)
        {
            throw new InvalidOperationException("verify with " + n + " more facts: " + (result.Stopped?.Message ?? "refuted"));
        }
    }

    /// <summary><c>powers diff --power entry-to-save-life</c> between the shipped library and this one.</summary>
    [Benchmark]
    public int Diff()
    {
        var diff = OutcomeDiffer.Compare(_from, _to, Power, Budget);
        return diff.Stopped is null ? diff.Changes.Count : throw new InvalidOperationException("diff stopped: " + diff.Stopped.Message);
    }

    /// <summary><c>powers verify</c> of one assertion on the power, over every plan in its scope.</summary>
    [Benchmark]
    public long Verify()
    {
        var result = AssertionVerifier.Verify(_library, _assertion, Budget);
        return result.Proved ? result.Leaves : throw new InvalidOperationException("verify: " + (result.Stopped?.Message ?? "refuted"));
    }

    private static DecisionPlan Plan(RuleLibrary library)
    {
        var version = library.FindVersion("pra2002-sch4", "2012-07-10") ?? throw new InvalidOperationException("no version 2012-07-10");
        if (!library.TryGetDesignation("met-2002-security", out var designation))
        {
            throw new InvalidOperationException("no designation met-2002-security");
        }

        return PlanBuilder.Build(library, version, designation, new DateOnly(2013, 3, 1));
    }

    /// <summary>The shipped files, the clause over <paramref name="n"/> more facts in every rule set file that gives the power its clauses, and the assertion.</summary>
    private static Dictionary<string, string> Files(int n)
    {
        var files = new Dictionary<string, string>(ShippedLibrary.Files, StringComparer.Ordinal);
        if (n > 0)
        {
            string added = "\n        { \"id\": \"bench-facts\", \"when\": \"" + string.Join(" or ", Spare.Take(n)) + "\", \"cite\": \"Benchmark\", \"text\": \"One of the facts.\" },";
            foreach (var (path, text) in files.ToList())
            {
                int power = text.IndexOf("\"" + Power + "\": {", StringComparison.Ordinal);
                int clauses = power < 0 ? -1 : text.IndexOf("\"clauses\": [", power, StringComparison.Ordinal);
                if (clauses >= 0)
                {
                    clauses += "\"clauses\": [".Length;
                    files[path] = text[..clauses] + added + text[clauses..];
                }
            }
        }

        files["assertions/bench.json"] = """
            {
              "assertions": [
                {
                  "id": "bench-entry-in-uniform",
                  "cite": "Police Reform Act 2002, s. 42(2)",
                  "text": "Entry to save life only in uniform.",
                  "powers": ["entry-to-save-life"],
                  "from": "2012-07-10",
                  "when": "not inUniform",
                  "never": ["permitted"]
                }
              ]
            }
            """;
        return files;
    }
}
