using Powers.Compilation;
using Powers.Evaluation;
using Powers.Model;
using Powers.Tests.TestSupport;

namespace Powers.Tests.Compilation;

/// <summary>The legal team's golden cases (rules/cases), each as its own test, through both evaluators.</summary>
public class GoldenCaseTests
{
    private static readonly RuleLibrary Library = LibraryCompiler.CompileDirectory(RepositoryRules.Directory).ThrowIfFailed();

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var c in Library.Cases)
        {
            data.Add(c.Name, "compiled");
            data.Add(c.Name, "interpreter");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void GoldenCase_Passes(string name, string evaluator)
    {
        IClauseEvaluator chosen = evaluator == "compiled" ? CompiledClauseEvaluator.Instance : ReferenceInterpreter.Instance;
        var result = GoldenCaseRunner.Run(new PowersEngine(Library, chosen)).Single(r => r.Case.Name == name);
        Assert.True(result.Passed, name + ": " + string.Join("; ", result.Failures) + " (cite: " + result.Case.Cite + ")");
    }

    [Fact]
    public void GoldenCases_AreEnoughAndCited()
    {
        Assert.True(Library.Cases.Count >= 80, "at least 80 golden cases");
        Assert.All(Library.Cases, c => Assert.False(string.IsNullOrWhiteSpace(c.Cite), c.Name + " has no citation"));
    }
}
