using Powers.Analysis;
using Powers.Compilation;
using Powers.Model;
using Powers.Queries;
using Powers.Tests.TestSupport;

namespace Powers.Tests.Analysis;

public class AssertionVerifierTests
{
    [Fact]
    public void VerifyAll_ShippedLibrary_EveryAssertionProved()
    {
        var library = LibraryCompiler.CompileDirectory(RepositoryRules.Directory).ThrowIfFailed();
        Assert.True(library.Assertions.Count >= 10);
        var refuted = AssertionVerifier.VerifyAll(library, UnclockedAnalysis.Budget).Where(r => !r.Proved).Select(r => r.Assertion.Id + ": " + (r.Counterexample?.QueryJson ?? r.Stopped?.Message));
        Assert.Empty(refuted);
    }

    [Fact]
    public void Verify_PowersInForceBeforeTheEndOfItsRange_RefutedOnTheFirstDay()
    {
        // SI 2002/2750 brought Sch. 4 Part 1 into force on 2 Dec 2002, so "nothing in force until 1 Jan 2003" is false.
        var library = WithAssertion("""{ "id": "nothing-in-2002", "cite": "false", "text": "x", "until": "2003-01-01", "only": ["not-in-force"] }""");
        var result = AssertionVerifier.Verify(library, library.Assertions.Single(a => a.Id == "nothing-in-2002"));
        var c = Assert.IsType<Counterexample>(result.Counterexample);
        Assert.Equal("pra2002-sch4@2002-12-02", c.Version!.Id);
        Assert.Equal(new DateOnly(2002, 12, 2), c.Date);
        Assert.NotEqual(Outcome.NotInForce, DecideThrough(library, c));
    }

    [Fact]
    public void Verify_WhenThatNeverHolds_ProvedVacuously()
    {
        var library = WithAssertion("""{ "id": "vacuous", "cite": "x", "text": "x", "when": "inUniform and not inUniform", "only": ["denied"] }""");
        Assert.True(AssertionVerifier.Verify(library, library.Assertions.Single(a => a.Id == "vacuous")).Proved);
    }

    [Fact]
    public void Verify_OnlyDeniedWhenInUniform_RefutedByAPowerDecidedOtherwise()
    {
        // In uniform, cordon powers (TA 2000 s. 36, PRA Sch. 4 para. 14) are permitted in a cordoned area: never only denied.
        var library = WithAssertion("""{ "id": "only-denied", "cite": "x", "text": "x", "from": "2005-01-01", "powers": ["cordon"], "designations": ["met-2002-security"], "when": "inUniform", "only": ["denied", "not-in-force", "not-designated"] }""");
        var result = AssertionVerifier.Verify(library, library.Assertions.Single(a => a.Id == "only-denied"));
        var c = Assert.IsType<Counterexample>(result.Counterexample);
        Assert.Contains(c.Outcome, new[] { Outcome.Undetermined, Outcome.Permitted });
        Assert.Equal(c.Outcome, DecideThrough(library, c));
    }

    [Fact]
    public void Verify_BudgetTooSmallForTheAssertion_StoppedNeitherProvedNorRefuted()
    {
        var library = WithAssertion("""{ "id": "no-detention-at-30", "cite": "x", "text": "x", "powers": ["detain-pending-constable"], "when": "minutesDetained >= 30", "never": ["permitted"] }""");
        var result = AssertionVerifier.Verify(library, library.Assertions.Single(a => a.Id == "no-detention-at-30"), new AnalysisBudget { MaxSteps = 10 });
        Assert.False(result.Proved);
        Assert.False(result.Refuted);
        Assert.Equal(AnalysisLimit.Steps, result.Stopped!.Limit);
        Assert.True(AssertionVerifier.Verify(library, library.Assertions.Single(a => a.Id == "no-detention-at-30")).Proved);
    }

    [Fact]
    public void VerifyAll_BudgetRunsOut_TheAssertionAndEveryOneAfterItStopped()
    {
        var library = LibraryCompiler.CompileDirectory(RepositoryRules.Directory).ThrowIfFailed();
        var results = AssertionVerifier.VerifyAll(library, new AnalysisBudget { MaxSteps = 10 });
        int first = results.ToList().FindIndex(r => r.Stopped is not null);
        Assert.InRange(first, 0, results.Count - 2);
        Assert.All(results.Skip(first), r => Assert.False(r.Proved || r.Refuted));
        Assert.All(results.Skip(first), r => Assert.Same(results[first].Stopped, r.Stopped));
    }

    private static Outcome DecideThrough(RuleLibrary library, Counterexample c)
    {
        var result = new PowersEngine(library).Decide(c.QueryJson);
        Assert.Empty(result.Errors);
        return result.Decision!.Find(c.Power)!.Outcome;
    }

    private static RuleLibrary WithAssertion(string assertion)
    {
        var files = Directory.EnumerateFiles(RepositoryRules.Directory, "*.json", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(RepositoryRules.Directory, p).Replace('\\', '/'))
            .Where(p => !p.StartsWith("schema/", StringComparison.Ordinal))
            .ToDictionary(p => p, p => File.ReadAllText(Path.Combine(RepositoryRules.Directory, p)), StringComparer.Ordinal);
        files["assertions/zz-test.json"] = "{ \"assertions\": [" + assertion + "] }";
        return LibraryCompiler.Compile(LibraryFiles.FromMemory(files)).ThrowIfFailed();
    }
}
