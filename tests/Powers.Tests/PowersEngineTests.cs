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
        var errors = new List<QueryError>();

        var first = Engine.Decide("""{"date":"2013-03-01","designation":"met-2002-security","facts":{"inUniform":false}}""", errors);
        var second = Engine.Decide("""{"date":"2013-03-20","designation":"met-2002-security","facts":{"inUniform":false}}""", errors);

        Assert.Empty(errors);
        Assert.Same(first!.Plan, second!.Plan);
        Assert.Equal(new DateOnly(2013, 3, 20), second.Date);
        // Nothing is permitted out of uniform from 1 Apr 2003 (PRA 2002 s.42(2)).
        Assert.DoesNotContain(second.Powers, p => p.Outcome == Outcome.Permitted);
    }
}
