using FsCheck;
using FsCheck.Fluent;
using Powers.Model;
using Powers.Properties.Tests.Support;
using Powers.TestSupport;

namespace Powers.Properties.Tests.Generators;

/// <summary>Random assertions (a condition, never or only, a set of outcomes) about one power of a random rule set.</summary>
public static class AssertionGenerators
{
    /// <summary>Assertion cases.</summary>
    public static Gen<AssertionCase> Cases(RuleLibrary shipped)
    {
        ArgumentNullException.ThrowIfNull(shipped);
        string[] powers = shipped.Powers.Select(p => p.Id).ToArray();
        var when = Gens.Frequency((1, Gen.Constant<string?>(null)), (4, ExpressionGenerators.Condition(shipped.Schema, 2).Select(c => (string?)c)));
        var outcomes = Gen.NonEmptyListOf(Gen.Elements(OutcomeNames.All.ToArray())).Select(o => o.Distinct().ToArray());
        var assertion = Gen.Zip(Gen.Zip(Gen.Elements(powers), when), Gen.Zip(Gen.Elements(true, false), outcomes)).Select(p =>
            "{ \"id\": \"gen\", \"cite\": \"Generated\", \"text\": \"Generated.\", \"powers\": [\"" + p.Item1.Item1 + "\"]"
            + (p.Item1.Item2 is { } w ? ", \"when\": \"" + w + "\"" : string.Empty)
            + ", \"" + (p.Item2.Item1 ? "never" : "only") + "\": [" + string.Join(", ", p.Item2.Item2.Select(o => "\"" + o + "\"")) + "] }");
        return Gen.Zip(LibraryGenerators.RuleSetTexts(shipped), assertion).Select(p => new AssertionCase(p.Item1, p.Item2, ShippedLibrary.Files));
    }
}
