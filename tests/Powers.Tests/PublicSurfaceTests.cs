using System.Reflection;
using Powers.Syntax.Json;
using Powers.Tests.TestSupport;

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

        // Issue 23: what only the tool, the language server, the workbench and the tests use.
        "Powers.GoldenCaseRunner", "Powers.Analysis.AssertionVerifier", "Powers.Analysis.OutcomeDiffer",
        "Powers.Diagnostics.DiagnosticDescriptors", "Powers.Diagnostics.SarifFormatter", "Powers.Batch.BatchDecider",

        // Issue 23, one front door: PowersEngine.Decide and Plans.Get(query).Decide(situation, buffer) decide; the
        // compiled program and the interpreter are how, not a second way.
        "Powers.Deciding.DecisionProgram", "Powers.Evaluation.ReferenceInterpreter",
    ];

    private const BindingFlags Visible = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

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
    public void PublicSignatures_OfTheCore_NameNoNewtonsoftType()
    {
        // Newtonsoft is how the core writes some documents inside, not something a host must reference to call it.
        var leaked = Exported.SelectMany(SignatureTypes)
            .Where(s => s.Type.Assembly.GetName().Name == "Newtonsoft.Json")
            .Select(s => s.Member)
            .Distinct();

        Assert.Empty(leaked);
    }

    [Fact]
    public void ExportedTypes_OfTheCore_AreRecordsOnlyWhereListed()
    {
        // A positional record puts Deconstruct, with (<Clone>$), value equality and init setters on the surface
        // (issue 23); these three are still records because hosts build them (Query), the engine copies them with
        // `with` (PowerDecision, LibraryFile, also in Powers.Hosting).
        string[] records = ["Powers.Compilation.LibraryFile", "Powers.Decisions.PowerDecision", "Powers.Queries.Query"];

        var found = Exported.Where(t => t.IsClass && t.GetMethod("<Clone>$") is not null).Select(t => t.FullName!).Order(StringComparer.Ordinal);

        Assert.Equal(records, found);
    }

    [Fact]
    public void PublicApi_OfTheCore_AtMost600Lines()
    {
        // Issue 23's target: Shipped plus Unshipped additions less *REMOVED*, what `.ci/public-api.sh --release` folds.
        string core = Path.Combine(Path.GetDirectoryName(RepositoryRules.Directory)!, "src", "Powers");
        var shipped = File.ReadAllLines(Path.Combine(core, "PublicAPI.Shipped.txt"));
        var unshipped = File.ReadAllLines(Path.Combine(core, "PublicAPI.Unshipped.txt"));
        var removed = unshipped.Where(l => l.StartsWith("*REMOVED*", StringComparison.Ordinal)).Select(l => l["*REMOVED*".Length..]).ToHashSet(StringComparer.Ordinal);

        int lines = shipped.Concat(unshipped)
            .Where(l => l.Length > 0 && l != "#nullable enable" && !l.StartsWith("*REMOVED*", StringComparison.Ordinal) && !removed.Contains(l))
            .Distinct(StringComparer.Ordinal)
            .Count();

        Assert.InRange(lines, 1, 600);
    }

    [Fact]
    public void InternalTypes_NamedHere_ExistInTheCore()
    {
        // A renamed or moved type would make the test above pass without checking anything.
        var missing = InternalTypes.Where(name => typeof(PowersEngine).Assembly.GetType(name) is null);

        Assert.Empty(missing);
        Assert.Equal("Powers.Syntax.Json", typeof(JsonObject).Namespace);
    }

    // Every type a public or protected member names in its signature, with the member's name.
    private static IEnumerable<(string Member, Type Type)> SignatureTypes(Type type)
    {
        var named = new List<(string, Type)>();
        if (type.BaseType is { } baseType)
        {
            named.Add((type.FullName + " : base", baseType));
        }

        named.AddRange(type.GetInterfaces().Select(i => (type.FullName + " : interface", i)));
        foreach (var member in type.GetMembers(Visible))
        {
            string name = type.FullName + "." + member.Name;
            switch (member)
            {
                case MethodBase method when method.IsPublic || method.IsFamily || method.IsFamilyOrAssembly:
                    named.AddRange(method.GetParameters().Select(p => (name, p.ParameterType)));
                    if (method is MethodInfo info)
                    {
                        named.Add((name, info.ReturnType));
                    }

                    break;
                case FieldInfo field when field.IsPublic || field.IsFamily || field.IsFamilyOrAssembly:
                    named.Add((name, field.FieldType));
                    break;
                case PropertyInfo property when property.GetMethod is { } get && (get.IsPublic || get.IsFamily):
                    named.Add((name, property.PropertyType));
                    break;
            }
        }

        return named.SelectMany(n => Flatten(n.Item2).Select(t => (n.Item1, t)));
    }

    private static IEnumerable<Type> Flatten(Type type)
    {
        if (type.HasElementType && type.GetElementType() is { } element)
        {
            return Flatten(element);
        }

        return type.IsGenericType ? [type.GetGenericTypeDefinition(), .. type.GetGenericArguments().SelectMany(Flatten)] : [type];
    }
}
