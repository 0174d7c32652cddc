using Powers.Syntax.Json;

namespace Powers.Tests;

/// <summary>
/// The core's public surface is what a host or a tool author builds on (docs/architecture.md, "The public surface").
/// PublicAPI.Shipped.txt stops it growing unseen at build time; this stops the compiler's inside from becoming part
/// of it: a public type in a syntax namespace, or one of the engine's own machinery types made public again.
/// </summary>
public sealed class PublicSurfaceTests
{
    // Syntax trees, tokens, lexers and parsers: hosts get text, spans, diagnostics and the bound tree instead. The
    // JSON syntax would also clash with System.Text.Json.Nodes (JsonNode, JsonObject) in a host's code.
    private static readonly string[] InternalNamespaces = ["Powers.Syntax", "Powers.Syntax.Json", "Powers.Syntax.Expressions"];

    // Machinery behind a public front: the binder and diagnostic bag behind LibraryCompiler, the readers behind
    // PowersEngine.Read, planning and deciding behind PlanCache and DecisionProgram, and the compilers they use.
    private static readonly string[] InternalTypes =
    [
        "Powers.Binding.Binder", "Powers.Diagnostics.DiagnosticBag", "Powers.Diagnostics.DidYouMean",
        "Powers.Text.ControlCharacters", "Powers.Evaluation.ClauseCompiler", "Powers.Evaluation.TriLogic",
        "Powers.Planning.PlanBuilder", "Powers.Queries.QueryReader", "Powers.Queries.CompactQueryReader",
        "Powers.Deciding.PlanDecider", "Powers.Deciding.DecisionProgramCompiler", "Powers.Batch.BatchProgramBuilder",
        "Powers.Analysis.ResidualAnalyzer",
    ];

    private static readonly Type[] Exported = typeof(PowersEngine).Assembly.GetExportedTypes();

    [Fact]
    public void ExportedTypes_OfTheCore_LiveInNoSyntaxNamespace()
    {
        var leaked = Exported.Where(t => InternalNamespaces.Contains(t.Namespace)).Select(t => t.FullName);

        Assert.Empty(leaked);
    }

    [Fact]
    public void ExportedTypes_OfTheCore_IncludeNoMachinery()
    {
        var leaked = Exported.Select(t => t.FullName).Intersect(InternalTypes);

        Assert.Empty(leaked);
    }

    [Fact]
    public void InternalTypes_NamedHere_ExistInTheCore()
    {
        // A renamed or moved type would make the test above pass without checking anything.
        var missing = InternalTypes.Where(name => typeof(PowersEngine).Assembly.GetType(name) is null);

        Assert.Empty(missing);
        Assert.Equal("Powers.Syntax.Json", typeof(JsonObject).Namespace);
    }
}
