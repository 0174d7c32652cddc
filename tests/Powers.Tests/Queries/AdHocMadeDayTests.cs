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

    // Issue 19, defect 1 (fail-open). PRA s.38(5): a designated person "shall have the powers and duties conferred or
    // imposed on him by the designation"; before the day it is made there is no designation, so the person is not a
    // CSO at all (SI 2007/3202 art. 2 gives standard powers only to a person who "is designated"). An ad-hoc
    // designation made after the query's date must answer as a stored one does before its effective day.
    private const string MadeTomorrow = """{"date":"2017-12-14","designation":{"force":"metropolitan","powers":["road-check","cordon","entry-to-save-life"],"made":"2017-12-15"},"facts":{"inUniform":true,"inPoliceArea":true,"roadCheckAuthorised":true,"inCordonedArea":true,"cordonAgeDays":0,"riskToLifeOrLimb":true}}""";

    [Fact]
    public void Decide_AdHocMadeAfterTheDate_EveryPowerNotDesignatedOnEveryReader()
    {
        var fromChars = Engine.Read(MadeTomorrow.AsSpan());
        var fromBytes = Engine.Read(System.Text.Encoding.UTF8.GetBytes(MadeTomorrow).AsSpan());
        var viaText = Engine.Decide(MadeTomorrow);
        var viaBytes = Engine.Decide(System.Text.Encoding.UTF8.GetBytes(MadeTomorrow));
        Assert.Empty(viaText.Errors);
        Assert.Empty(viaBytes.Errors);
        foreach (var decision in new[] { Engine.Decide(fromChars.Query!), Engine.Decide(fromBytes.Query!), viaText.Decision!, viaBytes.Decision! })
        {
            // Nothing is conferred: a power in force is not-designated (those granted included), one not yet in force stays not-in-force.
            Assert.All(decision.Powers, d => Assert.Contains(d.Outcome, new[] { Outcome.NotDesignated, Outcome.NotInForce }));
            Assert.All(new[] { "road-check", "cordon", "entry-to-save-life", "require-name-and-address" }, id => Assert.Equal(Outcome.NotDesignated, decision.Find(id)!.Outcome));
            Assert.Equal(
                "the designation is made after that date, so it confers nothing, standard powers included: they belong only to a designated CSO (PRA s.38(5)).",
                decision.Find("road-check")!.Plan.Reason);
        }
    }

    [Fact]
    public void Decide_AdHocMadeAfterTheDate_TypedQueryNotDesignatedAndOnTheDayPermitted()
    {
        var designation = Designation.AdHoc("metropolitan", new HashSet<string>(["road-check"]), new DateOnly(2017, 12, 15));
        var situation = Engine.Read(MadeTomorrow.AsSpan()).Query!.Situation;
        var library = Engine.Library;
        var dayBefore = new DateOnly(2017, 12, 14);
        var onTheDay = new DateOnly(2017, 12, 15);
        Assert.Equal(Outcome.NotDesignated, Engine.Decide(new Powers.Queries.Query(dayBefore, library.VersionInForce("pra2002-sch4", dayBefore), designation, situation)).Find("road-check")!.Outcome);
        // PACE s.4 road check, designable from 15 Dec 2017 under s.38(6B)(a): authorised, in uniform, in the area.
        Assert.Equal(Outcome.Permitted, Engine.Decide(new Powers.Queries.Query(onTheDay, library.VersionInForce("pra2002-sch4", onTheDay), designation, situation)).Find("road-check")!.Outcome);
    }
}

