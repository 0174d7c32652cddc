using Powers.Compilation;
using Powers.Model;

namespace Powers.TestSupport;

/// <summary>The rule library embedded in the Powers package, compiled once per process.</summary>
public static class ShippedLibrary
{
    private static readonly Lazy<RuleLibrary> Compiled = new(() => LibraryCompiler.CompileEmbedded().ThrowIfFailed());

    private static readonly Lazy<IReadOnlyDictionary<string, string>> Texts = new(() => LibraryFiles.Embedded().ToDictionary(
        f => f.RelativePath,
        f =>
        {
            using var reader = new StreamReader(f.Open());
            return reader.ReadToEnd();
        },
        StringComparer.Ordinal));

    /// <summary>The library.</summary>
    public static RuleLibrary Instance => Compiled.Value;

    /// <summary>The shipped files by relative path, e.g. <c>pra2002/2012-07-10.json</c>.</summary>
    public static IReadOnlyDictionary<string, string> Files => Texts.Value;
}
