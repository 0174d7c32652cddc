using Powers.Analysis;
using Powers.Decisions;
using Powers.Evaluation;
using Powers.Model;
using Powers.TestSupport;

namespace Powers.Tests.Evaluation;

/// <summary>
/// A decision with an undetermined power keeps the facts it was decided on by sharing the situation's values, which
/// the situation copies before its next change. From outside that must be indistinguishable from a copy.
/// </summary>
public class SituationSharingTests
{
    // Entry to save life on 1 March 2013 for met-2002-security with the risk unknown: undetermined, so the decision
    // keeps the facts; the other facts given are read by other powers.
    private const string Query = """{"date":"2013-03-01","designation":"met-2002-security","facts":{"inUniform":true,"inPoliceArea":true,"searchOf":"vehicle","authorisationAgeHours":20}}""";

    private static readonly PowersEngine Engine = new(ShippedLibrary.Instance);

    public static TheoryData<string> Changes => ["set", "set-index", "unset", "clear", "copy-from"];

    [Theory]
    [MemberData(nameof(Changes))]
    public void ShareValues_ThenTheSituationChanges_TheSharedValuesStayAndTheSituationChanges(string change)
    {
        var schema = ShippedLibrary.Instance.Schema;
        var situation = new Situation(schema);
        situation.Set("inUniform", true);
        situation.Set("authorisationAgeHours", 20);
        int[] shared = situation.ShareValues();
        int[] before = shared.ToArray();

        var other = new Situation(schema);
        other.Set("authorisationAgeHours", 7);
        int hours = schema.Get("authorisationAgeHours").Index;
        switch (change)
        {
            case "set": situation.Set("authorisationAgeHours", 21); break;
            case "set-index": situation.Set(hours, 22); break;
            case "unset": situation.Unset("authorisationAgeHours"); break;
            case "clear": situation.Clear(); break;
            default: situation.CopyFrom(other); break;
        }

        Assert.Equal(before, shared);
        int? expected = change switch { "set" => 21, "set-index" => 22, "copy-from" => 7, _ => null };
        Assert.Equal(expected is not null, situation.IsKnown(hours));
        Assert.Equal(expected ?? 0, situation.ValueAt(hours));
    }

    [Fact]
    public void Decide_TheQuerysSituationChangedAfterwards_MissingFactsAndPermittedIfAsDecided()
    {
        var changed = Engine.Read(Query).Query!;
        var untouched = Engine.Read(Query).Query!;
        var decision = Engine.Decide(changed);
        var reference = Engine.Decide(untouched);
        int entry = ShippedLibrary.Instance.IndexOfPower("entry-to-save-life");
        Assert.Equal(Outcome.Undetermined, decision.OutcomeAt(entry));

        // Every kind of change, after the decision and before anything reads its missing facts or residuals.
        changed.Situation.Set("riskToLifeOrLimb", true);
        changed.Situation.Unset("inUniform");
        changed.Situation.Set("authorisationAgeHours", 99);
        changed.Situation.Clear();
        changed.Situation.Set("inPoliceArea", false);

        Assert.Equal(
            DecisionJsonWriter.ToJson(reference, DecisionDetail.Full, AnalysisBudget.Explanation, indented: false),
            DecisionJsonWriter.ToJson(decision, DecisionDetail.Full, AnalysisBudget.Explanation, indented: false));
        Assert.Contains("riskToLifeOrLimb", decision.Powers[entry].Missing.Select(f => f.Name));
        Assert.False(changed.Situation.IsKnown(ShippedLibrary.Instance.Schema.Get("inUniform")));
        Assert.True(untouched.Situation.IsKnown(ShippedLibrary.Instance.Schema.Get("inUniform")));
    }

    [Fact]
    public void Decide_TwoDecisionsOfOneSituationChangedBetween_EachKeepsItsOwnFacts()
    {
        var query = Engine.Read(Query).Query!;
        var first = Engine.Decide(query);
        query.Situation.Set("riskToLifeOrLimb", true);
        var second = Engine.Decide(query);
        int entry = ShippedLibrary.Instance.IndexOfPower("entry-to-save-life");

        Assert.Equal(Outcome.Undetermined, first.OutcomeAt(entry));
        Assert.Contains("riskToLifeOrLimb", first.Powers[entry].Missing.Select(f => f.Name));
        Assert.NotEqual(Outcome.Undetermined, second.OutcomeAt(entry));
        Assert.DoesNotContain("riskToLifeOrLimb", second.Powers.SelectMany(p => p.Missing).Select(f => f.Name));
    }
    [Fact]
    public void Adopt_ThenTheAdoptedSituationChanges_TheDecisionsValuesStay()
    {
        // Situation.Adopt is how a decision's residual search reads the facts the decision keeps: "changing it
        // writes to a copy", so the decision's array must come out as it went in.
        var schema = ShippedLibrary.Instance.Schema;
        var source = new Situation(schema);
        source.Set("authorisationAgeHours", 20);
        int[] kept = source.ShareValues();
        int hours = schema.Get("authorisationAgeHours").Index;

        var adopted = Situation.Adopt(schema, kept, source.KnownLow, source.KnownHigh);
        adopted.Set(hours, 30);

        Assert.Equal(20, kept[hours]);
        Assert.Equal(30, adopted.ValueAt(hours));
    }

    [Fact]
    public void Clone_SituationWithFacts_SameFactsAndIndependentOfTheOriginal()
    {
        var schema = ShippedLibrary.Instance.Schema;
        var original = new Situation(schema);
        original.Set("inUniform", true);
        original.Set("authorisationAgeHours", 20);
        int uniform = schema.Get("inUniform").Index;
        int hours = schema.Get("authorisationAgeHours").Index;

        var copy = original.Clone();
        original.Set(hours, 21);

        Assert.True(copy.IsKnown(uniform));
        Assert.Equal(1, copy.ValueAt(uniform));
        Assert.True(copy.IsKnown(hours));
        Assert.Equal(20, copy.ValueAt(hours));
        Assert.Equal(21, original.ValueAt(hours));
    }

    [Theory]
    [InlineData("set")]
    [InlineData("clear")]
    public void ShareValues_ThenAChange_OnlyThatChangeCopiesAndTheNextAllocatesNothing(string first)
    {
        // A decision shares the situation's values until its next change; after that one copy (or a fresh array on
        // Clear) the situation owns its values again, and a host reusing it allocates nothing per fact set.
        var schema = ShippedLibrary.Instance.Schema;
        var situation = new Situation(schema);
        int hours = schema.Get("authorisationAgeHours").Index;
        situation.Set(hours, 20);
        situation.Set(hours, 20);
        situation.ShareValues();
        if (first == "set")
        {
            situation.Set(hours, 21);
        }
        else
        {
            situation.Clear();
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        situation.Set(hours, 22);
        situation.Set(hours, 23);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.Equal(23, situation.ValueAt(hours));
    }
}
