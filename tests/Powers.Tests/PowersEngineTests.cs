using Powers.Evaluation;
using Powers.Model;
using Powers.Queries;

namespace Powers.Tests;

public class PowersEngineTests
{
    private static readonly PowersEngine Engine = PowersEngine.LoadEmbedded();

    [Fact]
    public void Read_AdHocDesignationWithEscapes_ResolvedAsTheFullReaderResolvesIt()
    {
        const string Json = """{"date":"2018-03-01","designation":{"force":"kent","powers":["road-check"],"made":"2017-06-01"},"facts":{"in\u0055niform":true,"searchOf":"item\u002dcarried"}}""";

        var read = Engine.Read(Json);
        var full = QueryReader.Parse(Engine.Library, Json, []);

        Assert.True(read.Succeeded);
        Assert.Empty(read.Errors);
        var query = read.Query!;
        Assert.Equal("kent", query.Designation.Force);
        Assert.Equal(new DateOnly(2017, 6, 1), query.Designation.Made);
        Assert.Same(full!.Version, query.Version);
        Assert.Equal(full.Situation.KnownMask, query.Situation.KnownMask);
        Assert.Equal(1, query.Situation.ValueAt(Engine.Library.Schema.Get("searchOf").Index));
    }

    [Fact]
    public void Read_UnknownFact_TheFullReadersMessage()
    {
        var read = Engine.Read("""{"date":"2013-03-01","designation":"met-2002-security","facts":{"constablePresent":true}}""");

        Assert.False(read.Succeeded);
        Assert.Equal("facts.constablePresent: unknown fact 'constablePresent'; did you mean 'constableInCompany'?", Assert.Single(read.Errors).ToString());
    }

    [Fact]
    public void Read_InvalidUtf8_RefusedNotThrown()
    {
        byte[] bytes = [.. "{\"date\":\"2013-03-01\",\"designation\":\"met-2002-security\",\"facts\":{\"searchOf\":\""u8, 0xC3, 0x28, .. "\"}}"u8];

        var read = Engine.Read(bytes);

        Assert.False(read.Succeeded);
        Assert.StartsWith("facts.searchOf: '", Assert.Single(read.Errors).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_QueryDocument_SameDecisionTwiceFromTheCache()
    {
        var first = Engine.Decide("""{"date":"2013-03-01","designation":"met-2002-security","facts":{"inUniform":false}}""").Decision;
        var second = Engine.Decide("""{"date":"2013-03-20","designation":"met-2002-security","facts":{"inUniform":false}}""").Decision;

        Assert.Same(first!.Plan, second!.Plan);
        Assert.Equal(new DateOnly(2013, 3, 20), second.Date);
        // Nothing is permitted out of uniform from 1 Apr 2003 (PRA 2002 s.42(2)).
        Assert.DoesNotContain(second.Powers, p => p.Outcome == Outcome.Permitted);
    }

    [Fact]
    public void Decide_DocumentWithAnUnknownFact_NoDecisionAndTheReadersErrors()
    {
        const string Json = """{"date":"2013-03-01","designation":"met-2002-security","facts":{"constablePresent":true}}""";

        var fromText = Engine.Decide(Json);
        var fromBytes = Engine.Decide(System.Text.Encoding.UTF8.GetBytes(Json));

        foreach (var result in new[] { fromText, fromBytes })
        {
            Assert.False(result.Succeeded);
            Assert.Null(result.Decision);
            Assert.Equal("facts.constablePresent: unknown fact 'constablePresent'; did you mean 'constableInCompany'?", Assert.Single(result.Errors).ToString());
        }
    }

    [Fact]
    public void Decide_Utf8Document_TheDecisionOfTheText()
    {
        const string Json = """{"date":"2013-03-01","designation":"met-2002-security","facts":{"inUniform":true,"inPoliceArea":true,"riskToLifeOrLimb":true}}""";

        var fromText = Engine.Decide(Json);
        var fromBytes = Engine.Decide("""{"date":"2013-03-01","designation":"met-2002-security","facts":{"inUniform":true,"inPoliceArea":true,"riskToLifeOrLimb":true}}"""u8);

        Assert.True(fromText.Succeeded);
        Assert.Empty(fromBytes.Errors);
        Assert.Equal(fromText.Decision!.Powers.Select(p => (p.Power, p.Outcome)), fromBytes.Decision!.Powers.Select(p => (p.Power, p.Outcome)));
        // Entry to save life or limb (PRA 2002 Sch. 4 para. 8) is a standard power whose one condition, riskToLifeOrLimb, is given.
        Assert.Equal(Outcome.Permitted, fromText.Decision.Find("entry-to-save-life")!.Outcome);
    }

    [Fact]
    public void PlansGetDecide_ManySituations_AllocatesNothingAndAgreesWithDecide()
    {
        var query = Engine.Read("""{"date":"2013-03-01","designation":"met-2002-security","facts":{"inUniform":true,"inPoliceArea":true}}""").Query!;
        var buffer = Engine.Plans.Get(query).Plan.CreateBuffer();
        // Past the number of decisions after which the cache compiles the plan, so both deciders are measured.
        for (int i = 0; i <= global::Powers.Deciding.PlanCache.DefaultCompileAfter; i++)
        {
            Engine.Plans.Get(query).Decide(query.Situation, buffer);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100; i++)
        {
            Engine.Plans.Get(query).Decide(query.Situation, buffer);
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        var decision = Engine.Decide(query);
        Assert.Equal(0, allocated);
        Assert.NotNull(Engine.Plans.Get(query).Program);
        Assert.Equal(Enumerable.Range(0, decision.Count).Select(decision.OutcomeAt), buffer.Outcomes.Take(decision.Count));
    }

    [Fact]
    public void PublicMethods_OfPowersEngine_OneFrontDoor()
    {
        // Issue 23: one way to decide each kind of input; the plan loop is Plans.Get(query).Decide(situation, buffer).
        var methods = typeof(PowersEngine).GetMethods(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.DeclaredOnly)
            .Where(m => !m.IsSpecialName)
            .Select(m => m.Name + "(" + string.Join(", ", m.GetParameters().Select(p => p.ParameterType.Name)) + ")")
            .Order(StringComparer.Ordinal);

        Assert.Equal(
            ["Decide(Query)", "Decide(ReadOnlySpan`1)", "Decide(ReadOnlySpan`1)", "LoadEmbedded()", "Read(ReadOnlySpan`1)", "Read(ReadOnlySpan`1)"],
            methods);
    }
}
