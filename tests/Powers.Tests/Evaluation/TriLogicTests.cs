using System.Linq.Expressions;
using Powers.Evaluation;
using Powers.Model;

namespace Powers.Tests.Evaluation;

public class TriLogicTests
{
    // Kleene's strong three-valued logic, written out: T true, F false, U unknown.
    [Theory]
    [InlineData('T', 'T', 'T', 'T')]
    [InlineData('T', 'F', 'F', 'T')]
    [InlineData('T', 'U', 'U', 'T')]
    [InlineData('F', 'F', 'F', 'F')]
    [InlineData('F', 'U', 'F', 'U')]
    [InlineData('U', 'U', 'U', 'U')]
    [InlineData('F', 'T', 'F', 'T')]
    [InlineData('U', 'T', 'U', 'T')]
    [InlineData('U', 'F', 'F', 'U')]
    public void AndOr_FollowKleeneTables(char a, char b, char and, char or)
    {
        Assert.Equal(Of(and), TriLogic.And(Of(a), Of(b)));
        Assert.Equal(Of(or), TriLogic.Or(Of(a), Of(b)));
    }

    [Theory]
    [InlineData('T', 'F')]
    [InlineData('F', 'T')]
    [InlineData('U', 'U')]
    public void Not_SwapsTrueAndFalse(char a, char expected) => Assert.Equal(Of(expected), TriLogic.Not(Of(a)));

    // A clause's status as the decision document and powers test name it (docs/contract.md).
    [Theory]
    [InlineData('T', "held")]
    [InlineData('F', "failed")]
    [InlineData('U', "unknown")]
    public void StatusName_EachValue_TheContractsWord(char value, string expected) => Assert.Equal(expected, TriLogic.StatusName(Of(value)));

    [Fact]
    public void Emitted_AndOrNot_AgreeWithTheInterpretedOnEveryValue()
    {
        var a = Expression.Parameter(typeof(int), "a");
        var b = Expression.Parameter(typeof(int), "b");
        var and = Expression.Lambda<Func<int, int, int>>(TriLogic.EmitJunction(isAnd: true, a, b), a, b).Compile();
        var or = Expression.Lambda<Func<int, int, int>>(TriLogic.EmitJunction(isAnd: false, a, b), a, b).Compile();
        var not = Expression.Lambda<Func<int, int>>(TriLogic.EmitNot(a), a).Compile();
        Tri[] all = [Tri.True, Tri.False, Tri.Unknown];

        foreach (var x in all)
        {
            Assert.Equal(TriLogic.Not(x), (Tri)not((int)x));
            foreach (var y in all)
            {
                Assert.Equal(TriLogic.And(x, y), (Tri)and((int)x, (int)y));
                Assert.Equal(TriLogic.Or(x, y), (Tri)or((int)x, (int)y));
            }
        }
    }

    // Hosts may store outcomes as numbers and the compiled program packs them into a table: the values never change.
    [Theory]
    [InlineData(Outcome.NotInForce, 0)]
    [InlineData(Outcome.NotDesignated, 1)]
    [InlineData(Outcome.Denied, 2)]
    [InlineData(Outcome.Undetermined, 3)]
    [InlineData(Outcome.Permitted, 4)]
    public void Outcome_Values_AreFixed(Outcome outcome, int value) => Assert.Equal(value, (int)outcome);

    [Fact]
    public void Outcome_EveryValue_IsPinned() => Assert.Equal(5, Enum.GetValues<Outcome>().Length);

    private static Tri Of(char c) => c switch { 'T' => Tri.True, 'F' => Tri.False, _ => Tri.Unknown };
}
