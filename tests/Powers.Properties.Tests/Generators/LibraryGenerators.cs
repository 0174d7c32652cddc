using FsCheck;
using FsCheck.Fluent;
using Powers.Model;
using Powers.Properties.Tests.Support;
using Powers.TestSupport;

namespace Powers.Properties.Tests.Generators;

/// <summary>Random well-typed rule set versions over the shipped schema, power catalogue and forces.</summary>
public static class LibraryGenerators
{
    /// <summary>
    /// At most this many catalogue powers in one generated rule set. The properties exercise the engine, not the
    /// catalogue, and the diff and residual analyses grow steeply with the powers in play: with all 52 of issue 19's
    /// catalogue a generated pair took minutes and exhausted the test host's memory in the diff property.
    /// </summary>
    private const int MaxPowers = 12;

    /// <summary>Rule set file texts.</summary>
    public static Gen<string> RuleSetTexts(RuleLibrary shipped)
    {
        ArgumentNullException.ThrowIfNull(shipped);
        string[] catalogue = shipped.Powers.Select(p => p.Id).ToArray();
        string[] forces = shipped.Forces.Select(f => f.Id).ToArray();
        var condition = ExpressionGenerators.Condition(shipped.Schema, 3);
        var chosen = Gen.ArrayOf(Gen.Choose(0, catalogue.Length - 1), Math.Min(MaxPowers, catalogue.Length))
            .Select(indices => indices.Distinct().Order().Select(i => catalogue[i]).ToArray());
        return chosen.SelectMany(powers => RuleSetTexts(powers, forces, condition));
    }

    private static Gen<string> RuleSetTexts(string[] powers, string[] forces, Gen<string> condition)
    {
        var generals = Gen.Choose(0, 2).SelectMany(n => Gen.CollectToArray(Enumerable.Range(1, n).Select(i =>
            Gen.Zip(condition, Gen.SubListOf(powers)).Select(p => Clause("g" + i, p.Item1, p.Item2.Take(2))))));
        var present = Gen.CollectToArray(powers.Select(_ => Gen.Choose(0, 99).Select(r => r < 80)));
        return Gen.Zip(generals, present).SelectMany(gp =>
        {
            var inForce = powers.Where((_, i) => gp.Item2[i]).ToArray();
            var bodies = Gen.CollectToArray(inForce.Select((id, i) => PowerBody(id, inForce.Take(i).ToArray(), forces, condition)));
            var standard = Gen.SubListOf(inForce);
            return Gen.Zip(bodies, standard).Select(bs => RuleSet(gp.Item1, bs.Item1, bs.Item2));
        });
    }

    /// <summary>Generated libraries.</summary>
    public static Gen<GeneratedLibrary> Libraries(RuleLibrary shipped) =>
        RuleSetTexts(shipped).Select(text => new GeneratedLibrary(text, ShippedLibrary.Files));

    /// <summary>A generated library with <paramref name="queries"/> queries against it.</summary>
    public static Gen<GeneratedCase> Cases(RuleLibrary shipped, int queries, int knownPercent) =>
        Libraries(shipped).SelectMany(g => Gen.ArrayOf(QueryGenerators.Queries(g.Library, knownPercent), queries).Select(q => new GeneratedCase(g, q)));

    private static Gen<string> PowerBody(string id, string[] earlier, string[] forces, Gen<string> condition)
    {
        var clauses = Gen.Choose(0, 3).SelectMany(n => Gen.CollectToArray(Enumerable.Range(1, n).Select(i => condition.Select(c => Clause("c" + i, c, [])))));
        var requires = earlier.Length == 0 ? Gen.Constant(Array.Empty<string>()) : Gens.Frequency((4, Gen.Constant(Array.Empty<string>())), (1, Gen.SubListOf(earlier).Select(r => r.Take(2).ToArray())));
        var only = Gens.Frequency((5, Gen.Constant(Array.Empty<string>())), (1, Gen.NonEmptyListOf(Gen.Elements(forces)).Select(f => f.Distinct().Take(3).ToArray())));
        return Gens.Zip(clauses, requires, only).Select(p =>
            "\"" + id + "\": { \"title\": \"Generated " + id + "\", \"cite\": \"Generated\", \"clauses\": [" + string.Join(", ", p.Item1) + "]"
            + (p.Item2.Length > 0 ? ", \"requires\": [" + Quoted(p.Item2) + "]" : string.Empty)
            + (p.Item3.Length > 0 ? ", \"forces\": [" + Quoted(p.Item3) + "]" : string.Empty)
            + " }");
    }

    private static string Clause(string id, string when, IEnumerable<string> except)
    {
        string[] e = except.ToArray();
        return "{ \"id\": \"" + id + "\", \"when\": \"" + when + "\", \"cite\": \"Generated\", \"text\": \"Generated clause " + id + ".\""
            + (e.Length > 0 ? ", \"except\": [" + Quoted(e) + "]" : string.Empty) + " }";
    }

    private static string RuleSet(string[] general, string[] powers, IEnumerable<string> standard) =>
        "{\n  \"ruleset\": \"gen\",\n  \"version\": \"2000-01-01\",\n  \"revision\": 1,\n  \"title\": \"A generated rule set\",\n  \"effective\": { \"from\": \"2000-01-01\" },\n"
        + "  \"general\": [" + string.Join(",\n    ", general) + "],\n"
        + "  \"standard\": [" + Quoted(standard) + "],\n"
        + "  \"powers\": {\n    " + string.Join(",\n    ", powers) + "\n  }\n}\n";

    private static string Quoted(IEnumerable<string> ids) => string.Join(", ", ids.Select(i => "\"" + i + "\""));
}
