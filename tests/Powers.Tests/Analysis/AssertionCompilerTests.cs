using Powers.Diagnostics;
using Powers.TestSupport;
using Powers.Tests.TestSupport;

namespace Powers.Tests.Analysis;

public class AssertionCompilerTests
{
    private const string Version = """{ "from": "2010-01-01" }""";

    [Fact]
    public void Compile_AssertionWithNeitherNeverNorOnly_ReportsPwr0318AtId()
    {
        string text = """
            { "assertions": [
              { "id": "vague", "cite": "Test Act, s. 1", "text": "Something." }
            ] }
            """;
        var result = Compile(text);
        var at = TextPosition.Of(text, "\"vague\"");
        DiagnosticAssert.Verify(result.Diagnostics, DiagnosticSeverity.Warning, new ExpectedDiagnostic("PWR0318", "rules/assertions/a.json", at.Line, at.Column, "\"vague\"", "Assertion 'vague' must list outcomes in exactly one of 'never' or 'only'"));
    }

    [Fact]
    public void Compile_AssertionWhenWithTypo_ReportsUnknownFactInsideTheString()
    {
        string text = """
            { "assertions": [
              { "id": "typo", "cite": "Test Act, s. 1", "text": "Something.", "when": "not inUnifrom", "never": ["permitted"] }
            ] }
            """;
        var result = Compile(text);
        var at = TextPosition.Of(text, "inUnifrom");
        DiagnosticAssert.Verify(result.Diagnostics, DiagnosticSeverity.Warning, new ExpectedDiagnostic("PWR0201", "rules/assertions/a.json", at.Line, at.Column, "inUnifrom", "Unknown fact 'inUnifrom'; did you mean 'inUniform'?"));
    }

    [Fact]
    public void Compile_AssertionBadOutcomeAndUnknownDesignation_ReportsEach()
    {
        string text = """
            { "assertions": [
              { "id": "bad", "cite": "Test Act, s. 1", "text": "Something.", "designations": ["nobody"], "only": ["permited"] }
            ] }
            """;
        var result = Compile(text);
        var outcome = TextPosition.Of(text, "\"permited\"");
        var designation = TextPosition.Of(text, "\"nobody\"");
        DiagnosticAssert.Verify(
            result.Diagnostics,
            DiagnosticSeverity.Warning,
            new ExpectedDiagnostic("PWR0304", "rules/assertions/a.json", designation.Line, designation.Column, "\"nobody\"", "Unknown designation 'nobody'"),
            new ExpectedDiagnostic("PWR0011", "rules/assertions/a.json", outcome.Line, outcome.Column, "\"permited\"", "'permited' is not a valid outcome: use one of not-in-force, not-designated, denied, undetermined, permitted; did you mean 'permitted'?"));
    }

    [Fact]
    public void Compile_ValidAssertion_IsInTheLibrary()
    {
        string text = """
            { "assertions": [
              { "id": "uniform", "cite": "Test Act, s. 1", "text": "Only in uniform.", "from": "2011-01-01", "powers": ["road-check"], "when": "not inUniform", "never": ["permitted"] }
            ] }
            """;
        var result = Compile(text);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        var assertion = Assert.Single(result.Library!.Assertions);
        Assert.Equal("uniform", assertion.Id);
        Assert.Equal(new DateOnly(2011, 1, 1), assertion.From);
        Assert.True(assertion.IsNever);
        Assert.Equal(["road-check"], assertion.Powers);
    }

    private static Powers.Compilation.CompilationResult Compile(string assertions) => TestLibrary.Compile(
        ("test/a.json", TestLibrary.RuleSet("a", Version, TestLibrary.Power("road-check", "inUniform"))),
        ("assertions/a.json", assertions));
}
