using Powers.Binding;
using Powers.Evaluation;
using Powers.Model;
using Powers.Text;

namespace Powers.Tests.Evaluation;

/// <summary>
/// The reference interpreter's own contract, below what the decisions show: each comparison operator on either side
/// of its boundary (arithmetic decides these, not the engine), and null arguments refused by name rather than
/// decided as unknown.
/// </summary>
public class ReferenceInterpreterTests
{
    private static readonly RuleLibrary Library = PowersEngine.LoadEmbedded().Library;

    [Theory]
    [InlineData(ComparisonOperator.Equal, false, true, false)]
    [InlineData(ComparisonOperator.NotEqual, true, false, true)]
    [InlineData(ComparisonOperator.Less, true, false, false)]
    [InlineData(ComparisonOperator.LessOrEqual, true, true, false)]
    [InlineData(ComparisonOperator.Greater, false, false, true)]
    [InlineData(ComparisonOperator.GreaterOrEqual, false, true, true)]
    public void Compare_EachOperatorBelowAtAndAboveTheBoundary_AsArithmetic(ComparisonOperator op, bool below, bool at, bool above)
    {
        Assert.Equal(below, ReferenceInterpreter.Compare(op, 23, 24));
        Assert.Equal(at, ReferenceInterpreter.Compare(op, 24, 24));
        Assert.Equal(above, ReferenceInterpreter.Compare(op, 25, 24));
    }

    [Fact]
    public void Evaluate_NullClause_ThrowsNamingIt()
    {
        var e = Assert.Throws<ArgumentNullException>(() => ReferenceInterpreter.Instance.Evaluate((Clause)null!, new Situation(Library.Schema)));

        Assert.Equal("clause", e.ParamName);
    }

    [Fact]
    public void Evaluate_NullExpression_ThrowsRatherThanUnknown()
    {
        var e = Assert.Throws<ArgumentNullException>(() => ReferenceInterpreter.Evaluate((BoundExpression)null!, new Situation(Library.Schema)));

        Assert.Equal("expression", e.ParamName);
    }

    [Fact]
    public void Evaluate_ConstantWithNullSituation_ThrowsRatherThanDecides()
    {
        var constant = new BoundConstant(new TextSpan(0, 4), BoundType.Bool, 1);

        var e = Assert.Throws<ArgumentNullException>(() => ReferenceInterpreter.Evaluate(constant, null!));

        Assert.Equal("situation", e.ParamName);
    }

    // The name hosts and benchmarks print for the evaluator (IClauseEvaluator.Name).
    [Fact]
    public void Name_TheInterpreter_Interpreter() => Assert.Equal("interpreter", ReferenceInterpreter.Instance.Name);
}
