using Powers.Evaluation;

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

    private static Tri Of(char c) => c switch { 'T' => Tri.True, 'F' => Tri.False, _ => Tri.Unknown };
}
