using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Powers.Benchmarks;

/// <summary>
/// The CI smoke configuration: in process (no generated project to build), each benchmark run once, cold, after its
/// setup (BenchmarkDotNet's dry job). It proves every benchmark runs under the harness and checks its result; its
/// numbers mean nothing. Four warm-ups and three 100 ms iterations each took 295 s of a 930 s CI run for 107
/// benchmarks; the figures that count come from the full runs in docs/benchmarks.md.
/// </summary>
public static class QuickConfig
{
    /// <summary>The configuration.</summary>
    public static IConfig Create() => DefaultConfig.Instance
        .AddJob(Job.Dry.WithToolchain(InProcessEmitToolchain.Instance).WithId("quick"))
        .AddDiagnoser(MemoryDiagnoser.Default)
        .WithOptions(ConfigOptions.DisableLogFile);
}
