using Powers.Compilation;
using Powers.Queries;
using Powers.Model;
using Powers.Tests.TestSupport;

namespace Powers.Tests.Compilation;

/// <summary>
/// The legal team's golden cases (rules/cases), each as its own test, decided both ways a plan cache decides: by the
/// reference interpreter, and by each plan compiled into its <see cref="Powers.Deciding.DecisionProgram"/>.
/// </summary>
public class GoldenCaseTests
{
    private static readonly RuleLibrary Library = LibraryCompiler.CompileDirectory(RepositoryRules.Directory).ThrowIfFailed();

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var c in Library.Cases)
        {
            data.Add(c.Name, "interpreter");
            data.Add(c.Name, "program");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void GoldenCase_Passes(string name, string decidedBy)
    {
        var engine = new PowersEngine(Library);
        var golden = Library.Cases.Single(c => c.Name == name);
        if (decidedBy == "program" && QueryReader.Read(Library, golden.Query, []) is { } query)
        {
            Assert.NotNull(engine.Plans.Get(query).Compile());
        }

        var result = GoldenCaseRunner.Run(engine).Single(r => r.Case.Name == name);

        Assert.True(result.Passed, name + ": " + string.Join("; ", result.Failures) + " (cite: " + result.Case.Cite + ")");
    }

    [Fact]
    public void GoldenCases_AreEnoughAndCited()
    {
        Assert.True(Library.Cases.Count >= 80, "at least 80 golden cases");
        Assert.All(Library.Cases, c => Assert.False(string.IsNullOrWhiteSpace(c.Cite), c.Name + " has no citation"));
    }
}
