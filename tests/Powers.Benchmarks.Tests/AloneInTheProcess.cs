namespace Powers.Benchmarks.Tests;

/// <summary>
/// The benchmark smoke runs go alone in the test process, after every other test: LanguageServerBenchmarks' setup
/// fails when the process heap (GC.GetTotalMemory, the whole process) grows by 2 MB from its 4th to its 8th burst of
/// edits, and a test class running beside it (AdHocNdjsonTests, NdjsonGeneratorTests: the shipped library compiled
/// on first use, NDJSON built in memory) can allocate and hold that much meanwhile.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AloneInTheProcess
{
    public const string Name = "Benchmarks alone in the process";
}
