using Powers.Model;

namespace Powers.Tests.Queries;

/// <summary>Ad-hoc designations read from documents that differ only in their made day (the resolver shares their powers).</summary>
public class AdHocMadeDayTests
{
    private static readonly PowersEngine Engine = PowersEngine.LoadEmbedded();

    [Fact]
    public void Decide_SameForceAndPowersMadeOnOtherDays_EachDecisionStatesItsOwnMadeDayAndTheTransitionalRuleItFallsUnder()
    {
        // SI 2017/1139 reg. 4: a designation made before 15 Dec 2017 keeps the powers it conferred under the earlier
        // rules; one made on or after that day is decided by the new scheme.
        string Query(string made) => """{"date":"2018-03-01","designation":{"force":"kent","powers":["require-name-and-address"],"made":""" + "\"" + made + "\"" + """},"facts":{"inUniform":true,"roadCheckAuthorised":true}}""";

        var before = Engine.Read(Query("2017-06-01")).Query!;
        var sameClass = Engine.Read(Query("2017-07-01")).Query!;
        var after = Engine.Read(Query("2017-12-15")).Query!;
        var first = Engine.Decide(before);
        var second = Engine.Decide(sameClass);
        var third = Engine.Decide(after);

        Assert.Equal(new DateOnly(2017, 6, 1), first.Designation.Made);
        Assert.Equal(new DateOnly(2017, 7, 1), second.Designation.Made);
        Assert.Equal(new DateOnly(2017, 12, 15), third.Designation.Made);
        Assert.Equal(["require-name-and-address"], before.Designation.Powers);
        Assert.Equal(["require-name-and-address"], after.Designation.Powers);
        Assert.Same(first.Plan, second.Plan);
        Assert.NotSame(first.Plan, third.Plan);
        Assert.Contains("\"made\":\"2017-07-01\"", System.Text.Json.JsonSerializer.Serialize(second), StringComparison.Ordinal);
        // Made before 15 Dec 2017, the power keeps the 2012 rules (the preserved version's own entry); made on that day, the new scheme's.
        int power = Engine.Library.IndexOfPower("require-name-and-address");
        var rule2012 = Engine.Library.FindVersion("pra2002-sch4", "2012-07-10")!.Powers["require-name-and-address"];
        var rule2017 = Engine.Library.FindVersion("pra2002-sch4", "2017-12-15")!.Powers["require-name-and-address"];
        Assert.NotSame(rule2012, rule2017);
        Assert.Same(rule2012, first.Powers[power].Plan.Rule);
        Assert.Same(rule2012, second.Powers[power].Plan.Rule);
        Assert.Same(rule2017, third.Powers[power].Plan.Rule);
    }

}
