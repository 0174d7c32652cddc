using System.Text.Json.Nodes;
using Powers.Binding;
using Powers.Compilation;
using Powers.Deciding;
using Powers.Evaluation;
using Powers.Model;
using Powers.Planning;
using Powers.Queries;
using Powers.TestSupport;
using Powers.Tests.TestSupport;

namespace Powers.Tests.Deciding;

/// <summary>
/// A fact schema of more than 64 facts (issue 19: the 52 powers need more than 64): facts past index 63 are known,
/// read, reported missing and decided alike by the reference interpreter, the compiled clauses and the compiled
/// decision program, and a clause may read facts of both 64-fact words.
/// </summary>
public class WideFactSchemaTests
{
    // The repository's facts padded up to the given total with boolean facts named by their index ("wide127" is the
    // fact at index 127), so the tests can name facts of the second word whatever the repository's count.
    private static Dictionary<string, string> Files(int facts, string powers)
    {
        var schema = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryRules.Directory, "facts.json")))!.AsObject();
        var list = schema["facts"]!.AsObject();
        while (list.Count < facts)
        {
            list["wide" + list.Count] = new JsonObject { ["type"] = "bool", ["text"] = "A padding fact." };
        }

        var files = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["facts.json"] = schema.ToJsonString(),
            ["powers.json"] = File.ReadAllText(Path.Combine(RepositoryRules.Directory, "powers.json")),
            ["forces.json"] = File.ReadAllText(Path.Combine(RepositoryRules.Directory, "forces.json")),
            ["test/a.json"] = TestLibrary.RuleSet("a", "{ \"from\": \"2010-01-01\" }", powers),
        };
        return files;
    }

    private static RuleLibrary Wide()
    {
        // inUniform is an early fact (word 0); wide125 to wide127 are in word 1.
        string powers = string.Join(",", [
            TestLibrary.Power("road-check", "inUniform and wide127"),
            TestLibrary.Power("cordon", "wide126 or wide125"),
        ]);
        var library = LibraryCompiler.Compile(LibraryFiles.FromMemory(Files(FactSchema.MaxFacts, powers))).ThrowIfFailed();
        Assert.Equal(128, library.Schema.Count);
        Assert.Equal(127, library.Schema.Get("wide127").Index);
        return library;
    }

    [Fact]
    public void Compile_129Facts_LimitExceeded()
    {
        var result = LibraryCompiler.Compile(LibraryFiles.FromMemory(Files(FactSchema.MaxFacts + 1, TestLibrary.Power("road-check", "inUniform"))));

        var diagnostic = Assert.Single(result.Diagnostics, d => d.Id == "PWR0015");
        Assert.Equal("A fact schema may have at most 128 facts", diagnostic.Message);
        Assert.Null(result.Library);
    }

    [Fact]
    public void Situation_FactPast63_KnownOnlyWhenSet()
    {
        var library = Wide();
        var s = new Situation(library.Schema);
        int late = library.Schema.Get("wide127").Index;
        int sameBitEarly = late - 64;

        s.Set(late, 1);

        Assert.True(s.IsKnown(late));
        Assert.False(s.IsKnown(sameBitEarly));
        Assert.Equal(UInt128.One << late, s.KnownMask);
        s.Unset(late);
        Assert.Equal(UInt128.Zero, s.KnownMask);
    }

    [Fact]
    public void Decide_ClauseOverBothWords_MissingFactPast63Named()
    {
        var library = Wide();
        var s = new Situation(library.Schema);
        s.Set("inUniform", true);

        var buffer = Decide(library, s, out _);

        int road = library.IndexOfPower("road-check");
        Assert.Equal(Outcome.Undetermined, buffer.Outcomes[road]);
        Assert.Equal(UInt128.One << 127, buffer.Missing[road]);
        s.Set("wide127", true);
        Assert.Equal(Outcome.Permitted, Decide(library, s, out _).Outcomes[road]);
        s.Set("wide127", false);
        Assert.Equal(Outcome.Denied, Decide(library, s, out _).Outcomes[road]);
    }

    [Fact]
    public void Decide_EveryCombinationOfFourFacts_AllPathsAgree()
    {
        var library = Wide();
        string[] names = ["inUniform", "wide127", "wide126", "wide125"];
        int[] indices = names.Select(n => library.Schema.Get(n).Index).ToArray();
        var s = new Situation(library.Schema);
        for (int combination = 0; combination < 81; combination++)
        {
            int rest = combination;
            foreach (int index in indices)
            {
                int v = rest % 3;
                rest /= 3;
                if (v == 2)
                {
                    s.Unset(index);
                }
                else
                {
                    s.Set(index, v);
                }
            }

            var expected = Decide(library, s, out var plan);
            var program = DecisionProgram.Compile(plan);
            var explained = plan.CreateBuffer();
            program.Decide(s, explained);
            var outcomes = new Outcome[plan.Powers.Count];
            program.DecideOutcomes(s, outcomes);

            Assert.Equal(expected.Outcomes, explained.Outcomes);
            Assert.Equal(expected.Missing, explained.Missing);
            Assert.Equal(expected.Statuses, explained.Statuses);
            Assert.Equal(expected.Outcomes, outcomes);
        }
    }

    [Fact]
    public void CompactRead_FactPast63AndItsSameBitTwin_BothReadDuplicateDeclined()
    {
        // The fast query reader tracked the facts it had seen in one 64-bit word: a shift counts modulo 64, so the fact
        // at index 127 looked like a repeat of the fact at index 63 and a valid line fell back to the full reader.
        var library = Wide();
        var late = library.Schema.Get("wide127");
        var twin = library.Schema.Facts[late.Index - 64];
        string twinValue = twin.Kind switch
        {
            FactKind.Bool => "true",
            FactKind.Int => twin.Min.ToString(System.Globalization.CultureInfo.InvariantCulture),
            _ => "\"" + twin.Values[0] + "\"",
        };
        string line = "{\"date\":\"2010-06-01\",\"designation\":{\"force\":\"kent\",\"powers\":[\"road-check\"]},\"facts\":{\"" +
            twin.Name + "\":" + twinValue + ",\"wide127\":true}}";
        var reader = new CompactQueryReader(library);
        var situation = new Situation(library.Schema);

        Assert.True(reader.TryRead(line, situation, out _, out _, out _), line);
        Assert.Equal((UInt128.One << late.Index) | (UInt128.One << twin.Index), situation.KnownMask);
        string repeated = line.Replace("}}", ",\"wide127\":false}}", StringComparison.Ordinal);
        Assert.False(reader.TryRead(repeated, new Situation(library.Schema), out _, out _, out _));
    }

    // Fact 64 is the first of the second word: known there alone, and unset there alone (a "<= 64" would put it on
    // fact 0's bit).
    [Fact]
    public void Situation_Fact64_KnownAndUnsetInTheSecondWordOnly()
    {
        var library = Wide();
        var s = new Situation(library.Schema);

        s.Set(0, StoredValue(library.Schema.Facts[0]));
        s.Set(64, StoredValue(library.Schema.Facts[64]));

        Assert.Equal(UInt128.One | (UInt128.One << 64), s.KnownMask);
        s.Unset(64);
        Assert.Equal(UInt128.One, s.KnownMask);
        Assert.True(s.IsKnown(0));
        Assert.False(s.IsKnown(64));
    }

    // Kleene logic decides these, whatever path decides them: a comparison is unknown while any fact it reads is
    // unknown, in either word; a constant clause holds or fails by itself; a comparison of constants reads no fact.
    [Theory]
    [InlineData(null, true, Outcome.Undetermined)]
    [InlineData(true, null, Outcome.Undetermined)]
    [InlineData(false, false, Outcome.Permitted)]
    [InlineData(true, false, Outcome.Denied)]
    public void Decide_ComparisonAcrossWordsAndConstantClauses_KleeneOnEveryPath(bool? inUniform, bool? wide127, Outcome expected)
    {
        string powers = string.Join(",", [
            TestLibrary.Power("road-check", "inUniform == wide127"),
            TestLibrary.Power("cordon", "false"),
            TestLibrary.Power("issue-penalty-notice-disorder", "1 < 2"),
        ]);
        var library = LibraryCompiler.Compile(LibraryFiles.FromMemory(Files(FactSchema.MaxFacts, powers))).ThrowIfFailed();
        var s = new Situation(library.Schema);
        if (inUniform is { } u)
        {
            s.Set("inUniform", u);
        }

        if (wide127 is { } w)
        {
            s.Set("wide127", w);
        }

        var interpreted = Decide(library, s, out var plan);
        var explained = plan.CreateBuffer();
        DecisionProgram.Compile(plan).Decide(s, explained);

        foreach (var buffer in new[] { interpreted, explained })
        {
            Assert.Equal(expected, buffer.Outcomes[library.IndexOfPower("road-check")]);
            Assert.Equal(Outcome.Denied, buffer.Outcomes[library.IndexOfPower("cordon")]);
            Assert.Equal(Outcome.Permitted, buffer.Outcomes[library.IndexOfPower("issue-penalty-notice-disorder")]);
        }
    }

    private static int StoredValue(FactSymbol fact) => fact.Kind == FactKind.Int ? fact.Min : 0;

    private static DecisionBuffer Decide(RuleLibrary library, Situation situation, out DecisionPlan plan)
    {
        var day = new DateOnly(2010, 6, 1);
        var everything = library.Powers.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        plan = PlanBuilder.Build(library, library.VersionInForce("test", day)!, Designation.AdHoc("kent", everything), day);
        var buffer = plan.CreateBuffer();
        PlanDecider.Decide(plan, situation, ReferenceInterpreter.Instance, buffer);
        return buffer;
    }
}
