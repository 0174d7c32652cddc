using BenchmarkDotNet.Attributes;
using Powers.Compilation;
using Powers.Model;

namespace Powers.Benchmarks;

/// <summary>Loading and compiling the whole shipped library (warm: the process has done it before).</summary>
[MemoryDiagnoser]
public class LoadBenchmarks
{
    /// <summary>Checks that the method reproduces the library.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var library = LibraryCompiler.CompileEmbedded().ThrowIfFailed();
        if (LoadLibrary().Versions.Count != library.Versions.Count)
        {
            throw new InvalidOperationException("load benchmarks do not reproduce the library");
        }
    }

    /// <summary>Reads, parses, binds and checks every rule file of the embedded library.</summary>
    [Benchmark(Baseline = true)]
    public RuleLibrary LoadLibrary() => LibraryCompiler.CompileEmbedded().ThrowIfFailed();
}
