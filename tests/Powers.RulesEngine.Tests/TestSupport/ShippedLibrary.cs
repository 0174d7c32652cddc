using Powers.Compilation;
using Powers.Model;

namespace Powers.RulesEngine.Tests.TestSupport;

/// <summary>The rule library embedded in the Powers package, compiled once.</summary>
internal static class ShippedLibrary
{
    private static readonly Lazy<RuleLibrary> Compiled = new(() => LibraryCompiler.CompileEmbedded().ThrowIfFailed());

    public static RuleLibrary Instance => Compiled.Value;
}
