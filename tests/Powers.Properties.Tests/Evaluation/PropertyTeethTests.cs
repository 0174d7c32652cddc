using FsCheck;
using FsCheck.Fluent;
using Powers.Evaluation;
using Powers.Properties.Tests.Generators;
using Powers.Properties.Tests.Support;

namespace Powers.Properties.Tests.Evaluation;

/// <summary>The agreement property finds a deliberately broken evaluator and reports the shrunk counterexample.</summary>
public class PropertyTeethTests
{
    [Fact]
    public void AgreementProperty_OneClauseInverted_FailsWithShrunkCounterexample()
    {
        var broken = new BrokenEvaluator("vehicles-and-items-only");
        var property = Prop.ForAll(PowersArbitraries.PartialQueries(), (PartialQuery query) =>
            DecisionComparer.AssertAgree(query.Case.Plan(), query.Case.Situation, broken, ReferenceInterpreter.Instance));

        var failure = Record.Exception(() => Check.One(Config.QuickThrowOnFailure.WithMaxTest(2000), property));

        Assert.NotNull(failure);
        string message = failure.ToString();
        Assert.Contains("Falsifiable", message, StringComparison.Ordinal);
        Assert.Contains("Shrunk", message, StringComparison.Ordinal);
        Assert.Contains("clause 'vehicles-and-items-only'", message, StringComparison.Ordinal);
        Assert.Contains("\"searchOf\"", message, StringComparison.Ordinal);
    }
}
