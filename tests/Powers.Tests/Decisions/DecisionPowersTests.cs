using Powers.Decisions;
using Powers.Model;
using Powers.TestSupport;

namespace Powers.Tests.Decisions;

public class DecisionPowersTests
{
    private const string Query = """{"date":"2013-03-01","designation":"met-2002-security","facts":{"inUniform":true,"inPoliceArea":true}}""";

    private static readonly PowersEngine Engine = new(ShippedLibrary.Instance);

    [Fact]
    public void Powers_ForeachInsideForeach_EachSeesEveryPowerInCatalogueOrder()
    {
        var decision = Decide();
        var expected = Enumerable.Range(0, decision.Count).Select(decision.PowerAt).ToList();
        var outer = new List<string>();
        foreach (var power in decision.Powers)
        {
            outer.Add(power.Power);
            var inner = new List<string>();
            foreach (var other in decision.Powers)
            {
                inner.Add(other.Power);
            }

            Assert.Equal(expected, inner);
        }

        Assert.Equal(expected, outer);
    }

    [Fact]
    public void Powers_ForeachAgainAfterABreak_SeesEveryPowerAgain()
    {
        var decision = Decide();
        foreach (var power in decision.Powers)
        {
            Assert.Equal(decision.PowerAt(0), power.Power);
            break;
        }

        Assert.Equal(Enumerable.Range(0, decision.Count).Select(decision.PowerAt), decision.Powers.Select(p => p.Power));
        Assert.Equal(Enumerable.Range(0, decision.Count).Select(decision.OutcomeAt), decision.Powers.Select(p => p.Outcome));
    }

    [Fact]
    public async Task Powers_EnumeratedOnAnotherThreadWhileTheFirstForeachIsOpen_BothSeeEveryPower()
    {
        var decision = Decide();
        var expected = Enumerable.Range(0, decision.Count).Select(decision.PowerAt).ToList();
        using var first = decision.Powers.GetEnumerator();
        Assert.True(first.MoveNext());
        var other = await Task.Run(() => decision.Powers.Select(p => p.Power).ToList());
        var seen = new List<string> { first.Current.Power };
        while (first.MoveNext())
        {
            seen.Add(first.Current.Power);
        }

        Assert.Equal(expected, other);
        Assert.Equal(expected, seen);
    }

    [Fact]
    public void Powers_TheReadmeLoop_AllocatesNoEnumerator()
    {
        // The README's loop: foreach over Decision.Powers reading Power and Outcome. The views are shared per plan
        // (made by the first decision that reads them), so the second decision's loop allocates its list only.
        ReadAll(Decide());
        var decision = Decide();
        var powers = decision.Powers;
        long before = GC.GetAllocatedBytesForCurrentThread();
        int read = ReadAll(decision);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(decision.Count, read);
        Assert.Same(powers, decision.Powers);
    }

    private static int ReadAll(Decision decision)
    {
        int read = 0;
        foreach (var power in decision.Powers)
        {
            read += power.Power.Length > 0 && power.Outcome <= Outcome.Permitted ? 1 : 0;
        }

        return read;
    }

    private static Decision Decide()
    {
        var read = Engine.Read(Query);
        return Engine.Decide(read.Query ?? throw new InvalidOperationException(string.Join("; ", read.Errors)));
    }
}
