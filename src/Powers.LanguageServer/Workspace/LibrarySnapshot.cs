using Powers.Analysis;
using Powers.Compilation;
using Powers.LanguageServer.Analysis;
using Powers.Model;
using Powers.Text;

namespace Powers.LanguageServer.Workspace;

/// <summary>
/// One compilation of a library with the open documents laid over the disk: the texts compiled, the result, and
/// the last library that compiled without errors (hover and code lenses keep working while a file is broken).
/// Immutable; requests read the latest one while the next compiles.
/// </summary>
internal sealed class LibrarySnapshot
{
    private readonly Lazy<LibraryIndex> _index;
    private readonly Lazy<SampleOutcomes> _samples;
    private readonly Lazy<IReadOnlyDictionary<string, AssertionResult>> _verdicts;

    public LibrarySnapshot(string root, IReadOnlyDictionary<string, SourceText> files, IReadOnlyDictionary<string, OpenDocument> open, CompilationResult result, RuleLibrary? lastGood)
    {
        Root = root;
        Files = files;
        Open = open;
        Result = result;
        Library = result.Library ?? lastGood;
        _index = new Lazy<LibraryIndex>(() => LibraryIndex.Build(root, files), LazyThreadSafetyMode.ExecutionAndPublication);
        _samples = new Lazy<SampleOutcomes>(() => SampleOutcomes.Build(Library), LazyThreadSafetyMode.ExecutionAndPublication);
        _verdicts = new Lazy<IReadOnlyDictionary<string, AssertionResult>>(
            () => result.Library is { } compiled ? AssertionVerifier.VerifyAll(compiled, VerifyBudget).ToDictionary(r => r.Assertion.Id, StringComparer.Ordinal) : new Dictionary<string, AssertionResult>(),
            LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>
    /// Code lenses wait on verify, so it gets less than powers verify's 30 s: an assertion too large to check in 5 s is
    /// shown as such, and the editor stays responsive.
    /// </summary>
    private static readonly AnalysisBudget VerifyBudget = new() { TimeLimit = TimeSpan.FromSeconds(5), MaxSteps = 5_000_000 };

    /// <summary>The library folder, a full path.</summary>
    public string Root { get; }

    /// <summary>The text of every file compiled, by full path.</summary>
    public IReadOnlyDictionary<string, SourceText> Files { get; }

    /// <summary>The open documents compiled, by full path, with the versions their diagnostics belong to.</summary>
    public IReadOnlyDictionary<string, OpenDocument> Open { get; }

    public CompilationResult Result { get; }

    /// <summary>This compilation's library, or the last good one while there are errors; null before any compiled.</summary>
    public RuleLibrary? Library { get; }

    /// <summary>Every name defined and used in the library, built on first use.</summary>
    public LibraryIndex Index => _index.Value;

    /// <summary>Every assertion proved or refuted by id, for code lenses; empty while the library has errors.</summary>
    public IReadOnlyDictionary<string, AssertionResult> Verdicts => _verdicts.Value;

    /// <summary>The golden cases decided, for code lenses, built on first use.</summary>
    public SampleOutcomes Samples => _samples.Value;
}
