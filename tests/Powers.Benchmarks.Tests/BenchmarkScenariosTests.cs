using Powers.Benchmarks;
using Powers.Model;

namespace Powers.Benchmarks.Tests;

/// <summary>
/// The scenarios measure what their names say: with more law, a "complete" scenario that no longer states every fact
/// its powers read would measure residual searches instead of a decided situation (issue 20: complete-2013 left 16
/// powers undetermined once the library had 52 powers).
/// </summary>
public class BenchmarkScenariosTests
{
    public static TheoryData<string> Names() => [.. BenchmarkData.ScenarioNames];

    [Theory]
    [MemberData(nameof(Names))]
    public void Scenario_NamedCompleteOrPartial_DecidesAsNamed(string name)
    {
        var scenario = BenchmarkData.Scenario(name);

        int undetermined = scenario.Expected.Outcomes.AsSpan(0, scenario.Plan.Powers.Count).Count(Outcome.Undetermined);
        if (BenchmarkData.IsComplete(name))
        {
            Assert.Equal(0, undetermined);
        }
        else
        {
            Assert.StartsWith("partial-", name, StringComparison.Ordinal);
            Assert.NotEqual(0, undetermined);
        }
    }

    [Fact]
    public void Scenario_CompleteThatLeavesAPowerUndetermined_IsRefused()
    {
        var error = Assert.Throws<InvalidOperationException>(() => BenchmarkData.Scenario("complete-test", """{"date":"2013-03-01","designation":"met-2002-security","facts":{"inUniform":true}}"""));

        Assert.StartsWith("Scenario complete-test is named complete, but leaves ", error.Message, StringComparison.Ordinal);
    }
}
