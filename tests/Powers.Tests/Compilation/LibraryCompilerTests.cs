using Powers.Compilation;
using Powers.Diagnostics;
using Powers.TestSupport;
using Powers.Tests.TestSupport;

namespace Powers.Tests.Compilation;

public class LibraryCompilerTests
{
    private const string From2010 = "{ \"from\": \"2010-01-01\", \"until\": \"2010-12-31\" }";

    [Fact]
    public void CompileDirectory_ShippedRules_HasNoErrors()
    {
        var result = LibraryCompiler.CompileDirectory(RepositoryRules.Directory);
        Assert.True(result.Success, string.Join(Environment.NewLine, result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        Assert.NotEmpty(result.Library!.Cases);
    }

    [Fact]
    public void CompileEmbedded_MatchesDirectory()
    {
        var embedded = LibraryCompiler.CompileEmbedded().ThrowIfFailed();
        var directory = LibraryCompiler.CompileDirectory(RepositoryRules.Directory).ThrowIfFailed();
        Assert.Equal(directory.Versions.Select(v => v.Id + " " + v.Sha256), embedded.Versions.Select(v => v.Id + " " + v.Sha256));
    }

    [Fact]
    public void Compile_OverlappingRanges_IsError()
    {
        string a = TestLibrary.RuleSet("a", "{ \"from\": \"2010-01-01\", \"until\": \"2010-06-30\" }", TestLibrary.Power("road-check", "inUniform"));
        string b = TestLibrary.RuleSet("b", "{ \"from\": \"2010-06-30\" }", TestLibrary.Power("road-check", "inUniform"));
        var result = TestLibrary.Compile(("test/a.json", a), ("test/b.json", b));
        var at = TextPosition.Of(b, "{ \"from\"");
        DiagnosticAssert.Verify(result.Diagnostics, new ExpectedDiagnostic("PWR0302", "rules/test/b.json", at.Line, at.Column, Message: "'test@b' is in force from 2010-06-30 to open, which overlaps 'test@a' (2010-01-01 to 2010-06-30)"));
        Assert.False(result.Success);
    }

    [Fact]
    public void Compile_GapBetweenVersions_IsWarning()
    {
        string a = TestLibrary.RuleSet("a", "{ \"from\": \"2010-01-01\", \"until\": \"2010-06-30\" }", TestLibrary.Power("road-check", "inUniform"));
        string b = TestLibrary.RuleSet("b", "{ \"from\": \"2010-07-02\" }", TestLibrary.Power("road-check", "inUniform"));
        var result = TestLibrary.Compile(("test/a.json", a), ("test/b.json", b));
        var at = TextPosition.Of(b, "{ \"from\"");
        DiagnosticAssert.Verify(result.Diagnostics, new ExpectedDiagnostic("PWR0312", "rules/test/b.json", at.Line, at.Column, Message: "No version of 'test' is in force from 2010-07-01 to 2010-07-01; every power will be decided not-in-force then"));
        Assert.True(result.Success);
    }

    [Fact]
    public void Compile_ExtendsCycle_IsErrorNotHang()
    {
        string a = TestLibrary.RuleSet("a", "\"never\"", TestLibrary.Power("road-check", "inUniform"), extra: "  \"extends\": \"b\",\n");
        string b = TestLibrary.RuleSet("b", "\"never\"", TestLibrary.Power("cordon", "inUniform"), extra: "  \"extends\": \"a\",\n");
        var result = TestLibrary.Compile(("test/a.json", a), ("test/b.json", b));
        Assert.Contains(result.Diagnostics, d => d.Id == "PWR0306" && d.Message == "Rule set 'test@a' extends itself: a -> b -> a");
    }

    [Fact]
    public void Compile_ExtendsUnknownVersion_Suggests()
    {
        string a = TestLibrary.RuleSet("v-2010", From2010, TestLibrary.Power("road-check", "inUniform"));
        string b = TestLibrary.RuleSet("v-2011", "{ \"from\": \"2011-01-01\" }", TestLibrary.Power("cordon", "inUniform"), extra: "  \"extends\": \"v-2100\",\n");
        var result = TestLibrary.Compile(("test/a.json", a), ("test/b.json", b));
        var at = TextPosition.Of(b, "\"v-2100\"");
        DiagnosticAssert.Verify(result.Diagnostics, new ExpectedDiagnostic("PWR0307", "rules/test/b.json", at.Line, at.Column, "\"v-2100\"", "Rule set family 'test' has no version 'v-2100'; did you mean 'v-2010'?"));
    }

    [Fact]
    public void Compile_Extends_InheritsReplacesAndRemoves()
    {
        string a = TestLibrary.RuleSet("a", From2010, TestLibrary.Power("road-check", "inUniform") + "," + TestLibrary.Power("cordon", "inCordonedArea"));
        string b = TestLibrary.RuleSet("b", "{ \"from\": \"2011-01-01\" }", TestLibrary.Power("road-check", "roadCheckAuthorised"), extra: "  \"extends\": \"a\",\n  \"remove\": { \"powers\": [\"cordon\"] },\n");
        var library = TestLibrary.Compile(("test/a.json", a), ("test/b.json", b)).ThrowIfFailed();
        var v = library.FindVersion("test", "b")!;
        Assert.Equal(["road-check"], v.Powers.Keys);
        Assert.Equal("roadCheckAuthorised", v.Powers["road-check"].Clauses[0].ExpressionText);
        Assert.NotEqual(library.FindVersion("test", "a")!.Sha256, v.Sha256);
    }

    [Fact]
    public void Compile_UnknownPropertyAndPower_SuggestWithPosition()
    {
        string text = TestLibrary.RuleSet("a", From2010, TestLibrary.Power("road-chek", "inUniform"), extra: "  \"sorces\": [],\n");
        var result = TestLibrary.Compile(("test/a.json", text));
        var property = TextPosition.Of(text, "\"sorces\"");
        var power = TextPosition.Of(text, "\"road-chek\"");
        DiagnosticAssert.Verify(
            result.Diagnostics,
            new ExpectedDiagnostic("PWR0007", "rules/test/a.json", property.Line, property.Column, "\"sorces\"", "Unknown property 'sorces' in the rule set; did you mean 'sources'?"),
            new ExpectedDiagnostic("PWR0206", "rules/test/a.json", power.Line, power.Column, "\"road-chek\"", "Unknown power 'road-chek'; did you mean 'road-check'?"));
    }

    [Fact]
    public void Compile_MissingCitationAndText_AreErrors()
    {
        string power = "\"cordon\": { \"title\": \"T\", \"cite\": \"Act\", \"clauses\": [ { \"id\": \"c\", \"when\": \"inUniform\", \"cite\": \"\", \"text\": \"\" } ] }";
        string text = TestLibrary.RuleSet("a", From2010, power);
        var result = TestLibrary.Compile(("test/a.json", text));
        Assert.Contains(result.Diagnostics, d => d.Id == "PWR0401" && d.Message == "Power 'cordon' clause 'c' has no citation; every rule must cite the provision it comes from");
        Assert.Contains(result.Diagnostics, d => d.Id == "PWR0402");
    }

    [Fact]
    public void Compile_LowConfidence_IsInfoWithNote()
    {
        string power = "\"cordon\": { \"title\": \"T\", \"cite\": \"Act\", \"clauses\": [ { \"id\": \"c\", \"when\": \"inUniform\", \"cite\": \"Act s.1\", \"text\": \"t\", \"confidence\": \"low\", \"note\": \"Wording not seen.\" } ] }";
        var result = TestLibrary.Compile(("test/a.json", TestLibrary.RuleSet("a", From2010, power)));
        var info = Assert.Single(result.Diagnostics, d => d.Id == "PWR0403");
        Assert.Equal(DiagnosticSeverity.Info, info.Severity);
        Assert.Equal("Low confidence: power 'cordon' clause 'c': Wording not seen.", info.Message);
    }

    [Fact]
    public void Compile_DesignationProblems_AreReported()
    {
        string v = TestLibrary.RuleSet("a", "{ \"from\": \"2010-01-01\" }", TestLibrary.Power("road-check", "inUniform"));
        string d1 = "{ \"designation\": \"one\", \"title\": \"One\", \"force\": \"kent\", \"include\": [\"two\"], \"powers\": [\"road-check\", \"cordn\"] }";
        string d2 = "{ \"designation\": \"two\", \"title\": \"Two\", \"force\": \"kentt\", \"include\": [\"one\", \"three\"], \"powers\": [] }";
        var result = TestLibrary.Compile(("test/a.json", v), ("designations/one.json", d1), ("designations/two.json", d2));
        var ids = result.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).Select(d => d.Id + ": " + d.Message).ToList();
        Assert.Contains("PWR0206: Unknown power 'cordn'; did you mean 'cordon'?", ids);
        Assert.Contains("PWR0207: Unknown force 'kentt'; did you mean 'kent'?", ids);
        Assert.Contains("PWR0304: Unknown designation 'three'", ids);
        Assert.Contains(ids, s => s.StartsWith("PWR0305: Designation 'one' includes itself", StringComparison.Ordinal));
        Assert.Contains(ids, s => s.StartsWith("PWR0305: Designation 'two' includes itself", StringComparison.Ordinal));
    }

    [Fact]
    public void Compile_DesignatedPowerNotInForce_IsWarning()
    {
        string v = TestLibrary.RuleSet("a", "{ \"from\": \"2010-01-01\" }", TestLibrary.Power("road-check", "inUniform"));
        string d = "{ \"designation\": \"one\", \"title\": \"One\", \"force\": \"kent\", \"powers\": [\"road-check\", \"cordon\"] }";
        var result = TestLibrary.Compile(("test/a.json", v), ("designations/one.json", d));
        var warning = Assert.Single(result.Diagnostics, x => x.Severity == DiagnosticSeverity.Warning);
        Assert.Equal("Designation 'one' confers 'cordon', which 'test@a' (2010-01-01 to open) does not confer on CSOs; it will be decided not-in-force", warning.Message);
        Assert.True(result.Success);
    }

    [Fact]
    public void Compile_DuplicateVersionAndMissingCatalogue_AreErrors()
    {
        string v = TestLibrary.RuleSet("a", From2010, TestLibrary.Power("road-check", "inUniform"));
        var result = LibraryCompiler.Compile(LibraryFiles.FromMemory([new("test/a.json", v), new("test/b.json", v)]));
        var messages = result.Diagnostics.Select(d => d.Id).ToList();
        Assert.Contains("PWR0301", messages);
        Assert.Contains("PWR0014", messages);
        Assert.False(result.Success);
        Assert.Throws<RuleCompilationException>(() => result.ThrowIfFailed());
    }

    [Fact]
    public void Compile_GoldenCaseWithBadQuery_PointsAtField()
    {
        string v = TestLibrary.RuleSet("a", "{ \"from\": \"2010-01-01\" }", TestLibrary.Power("road-check", "inUniform"));
        string cases = "{ \"cases\": [ { \"name\": \"n\", \"cite\": \"c\", \"query\": { \"date\": \"2010-05-01\", \"designation\": { \"force\": \"kent\", \"powers\": [] }, \"facts\": { \"inUnform\": true } }, \"expect\": { \"road-check\": \"permited\" } } ] }";
        var result = TestLibrary.Compile(("test/a.json", v), ("cases/c.json", cases));
        var fact = TextPosition.Of(cases, "\"inUnform\"");
        var outcome = TextPosition.Of(cases, "\"permited\"");
        DiagnosticAssert.Verify(
            result.Diagnostics,
            new ExpectedDiagnostic("PWR0314", "rules/cases/c.json", fact.Line, fact.Column, "\"inUnform\"", "Invalid query: facts.inUnform: unknown fact 'inUnform'; did you mean 'inUniform'?"),
            new ExpectedDiagnostic("PWR0011", "rules/cases/c.json", outcome.Line, outcome.Column, "\"permited\"", "'permited' is not a valid outcome: use one of not-in-force, not-designated, denied, undetermined, permitted; did you mean 'permitted'?"));
    }

    [Fact]
    public void Compile_GoldenCaseWithBadValues_PointsAtEachValue()
    {
        string v = TestLibrary.RuleSet("a", "{ \"from\": \"2010-01-01\" }", TestLibrary.Power("road-check", "inUniform"));
        string cases = "{ \"cases\": [ { \"name\": \"n\", \"cite\": \"c\", \"query\": {\n  \"date\": \"2010-02-30\",\n  \"designation\": { \"force\": \"kent\", \"powers\": [] },\n  \"facts\": { \"inUniform\": \"yes\" } }, \"expect\": { \"road-check\": \"permitted\" } } ] }";
        var result = TestLibrary.Compile(("test/a.json", v), ("cases/c.json", cases));
        var date = TextPosition.Of(cases, "\"2010-02-30\"");
        var uniform = TextPosition.Of(cases, "\"yes\"");
        DiagnosticAssert.Verify(
            result.Diagnostics,
            new ExpectedDiagnostic("PWR0314", "rules/cases/c.json", date.Line, date.Column, "\"2010-02-30\"", "Invalid query: date: '2010-02-30' is not a date; use YYYY-MM-DD, e.g. 2013-03-01"),
            new ExpectedDiagnostic("PWR0314", "rules/cases/c.json", uniform.Line, uniform.Column, "\"yes\"", "Invalid query: facts.inUniform: expected true or false (or null for unknown), not the string 'yes'"));
    }

    [Fact]
    public void Compile_HostileFiles_GiveDiagnosticsNotExceptions()
    {
        var files = new Dictionary<string, string>
        {
            ["facts.json"] = "{\"facts\": {\"a\": {\"type\": \"bool\"",
            ["powers.json"] = "[" + new string('{', 200_000),
            ["forces.json"] = "{\"forces\": 3}",
            ["x/a.json"] = "{\"ruleset\": 1, \"version\": [], \"effective\": \"sometime\", \"powers\": {\"cordon\": {\"clauses\": [{\"when\": \"" + new string('(', 5000) + "\"}]}}}",
            ["designations/d.json"] = "null",
            ["cases/c.json"] = "{\"cases\": [1, {\"query\": 2}]}",
        };
        var result = LibraryCompiler.Compile(LibraryFiles.FromMemory(files));
        Assert.False(result.Success);
        Assert.All(result.Diagnostics, d => Assert.True(d.Location is null || d.Location.Value.Span.End <= d.Location.Value.Source.Length));
    }

    [Fact]
    public void CompileDirectory_FiftyMegabyteFile_IsTooLarge()
    {
        string dir = Directory.CreateTempSubdirectory("powers-big").FullName;
        try
        {
            foreach (string name in new[] { "facts.json", "powers.json", "forces.json" })
            {
                File.Copy(Path.Combine(RepositoryRules.Directory, name), Path.Combine(dir, name));
            }

            Directory.CreateDirectory(Path.Combine(dir, "big"));
            using (var stream = File.Create(Path.Combine(dir, "big", "huge.json")))
            {
                stream.SetLength(50L * 1024 * 1024);
            }

            var result = LibraryCompiler.CompileDirectory(dir);
            var d = Assert.Single(result.Diagnostics, x => x.Id == "PWR0003");
            Assert.Equal("The file is 52,428,800 bytes; a rule file may be at most 4,194,304 bytes", d.Message);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
