using BenchmarkDotNet.Attributes;
using Powers.Compilation;
using Powers.Evaluation;
using Powers.Model;

namespace Powers.Benchmarks;

/// <summary>Loading and compiling the whole shipped library (warm: the process has done it before).</summary>
[MemoryDiagnoser]
public class LoadBenchmarks
{
    private int _clauses;

    /// <summary>Counts what a full compile produces, so each method can be checked.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var library = LibraryCompiler.CompileEmbedded().ThrowIfFailed();
        _clauses = DistinctClauses(library).Count;
        if (LoadLibrary().Versions.Count != library.Versions.Count || LoadAndCompileClauses() != _clauses)
        {
            throw new InvalidOperationException("load benchmarks do not reproduce the library");
        }
    }

    /// <summary>Reads, parses, binds and checks every rule file of the embedded library.</summary>
    [Benchmark(Baseline = true)]
    public RuleLibrary LoadLibrary() => LibraryCompiler.CompileEmbedded().ThrowIfFailed();

    /// <summary>Loads the library and compiles every clause of every version and designation to a delegate.</summary>
    [Benchmark]
    public int LoadAndCompileClauses()
    {
        var library = LibraryCompiler.CompileEmbedded().ThrowIfFailed();
        var clauses = DistinctClauses(library);
        foreach (var clause in clauses)
        {
            CompiledClauseEvaluator.Prepare(clause);
        }

        return clauses.Count;
    }

    private static HashSet<Clause> DistinctClauses(RuleLibrary library)
    {
        var clauses = new HashSet<Clause>(ReferenceEqualityComparer.Instance);
        foreach (var version in library.Versions)
        {
            foreach (var general in version.General)
            {
                clauses.Add(general.Clause);
            }

            foreach (var rule in version.Powers.Values)
            {
                clauses.UnionWith(rule.Clauses);
            }
        }

        foreach (var designation in library.Designations)
        {
            foreach (var restriction in designation.Restrictions)
            {
                clauses.Add(restriction.Clause);
            }
        }

        return clauses;
    }
}
