using Powers.Compilation;
using Powers.Diagnostics;
using Powers.TestSupport;
using Powers.Tests.TestSupport;

namespace Powers.Tests.Compilation;

/// <summary>One test per diagnostic that no other test reported: id, position and message pinned.</summary>
public class LibraryCompilerDiagnosticsTests
{
    private const string Open2010 = "{ \"from\": \"2010-01-01\" }";

    private static string Version(string powers, string extra = "") => TestLibrary.RuleSet("a", Open2010, powers, extra: extra);

    private static string Designation(string body) =>
        "{ \"designation\": \"d\", \"title\": \"D\", \"force\": \"kent\", " + body + " }";

    private static void Verify(string path, string text, string id, string token, string message, int occurrence = 1, params (string Path, string Text)[] others)
    {
        var result = TestLibrary.Compile([(path, text), .. others]);
        var (line, column) = TextPosition.Of(text, token, occurrence);
        DiagnosticAssert.Verify(result.Diagnostics.Where(d => d.Id == id), DiagnosticSeverity.Info, new ExpectedDiagnostic(id, "rules/" + path, line, column, Message: message));
    }

    [Fact]
    public void CompileDirectory_NoSuchFolder_FileUnreadable()
    {
        var result = LibraryCompiler.CompileDirectory("/nonexistent/powers-rules");
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("PWR0001", diagnostic.Id);
        Assert.Contains("/nonexistent/powers-rules", diagnostic.Message, StringComparison.Ordinal);
        Assert.Null(result.Library);
    }

    [Fact]
    public void Compile_WholeNumberFactsComparedWithEachOther_WarnsAtTheFirstComparison()
    {
        // One warning per clause, at its first comparison of two int facts; a fact compared with a constant is fine.
        string text = Version(TestLibrary.Power("cordon", "cordonAgeDays < 28 and (inUniform or minutesDetained <= cordonAgeDays) and authorisationAgeHours > authorisationAgeDays"));
        Verify("test/a.json", text, "PWR0211", "minutesDetained <= cordonAgeDays", "'minutesDetained <= cordonAgeDays' compares two whole-number facts: what would permit an undetermined power ('permittedIf') is searched for without a bound and may stop at the analysis budget; compare each fact with constants where the law allows");
    }

    [Fact]
    public void Compile_ArrayGivenAsString_WrongJsonType()
    {
        Verify("designations/d.json", Designation("\"powers\": \"cordon\""), "PWR0008", "\"cordon\"", "'powers' must be an array, not a string", others: ("test/a.json", Version(TestLibrary.Power("cordon", "inUniform"))));
    }

    [Fact]
    public void Compile_RuleSetWithoutTitle_MissingProperty()
    {
        string text = Version(TestLibrary.Power("cordon", "inUniform")).Replace("  \"title\": \"Test version\",\n", string.Empty, StringComparison.Ordinal);
        Verify("test/a.json", text, "PWR0009", "{", "The rule set has no 'title'; it is required");
    }

    [Fact]
    public void Compile_StringOverOneMebibyte_StringTooLong()
    {
        string text = Designation("\"note\": \"" + new string('x', (1 << 20) + 1) + "\", \"powers\": []");
        Verify("designations/d.json", text, "PWR0012", "\"xxx", "A string of 1,048,577 characters exceeds the limit of 1,048,576");
    }

    [Fact]
    public void Compile_FileOutsideTheLayout_IgnoredWithWarning()
    {
        Verify("notes/old/a.json", "{}", "PWR0013", "{", "'notes/old/a.json' is not a rule library file (facts.json, powers.json, forces.json, or a .json file under a rule set family, designations/ or cases/); it is ignored");
    }

    [Fact]
    public void Compile_TooManyFiles_LimitExceededBeforeReadingAny()
    {
        var files = Enumerable.Range(0, LibraryCompiler.MaxFiles + 1).Select(i => new KeyValuePair<string, string>("cases/c" + i + ".json", "{"));
        var result = LibraryCompiler.Compile(LibraryFiles.FromMemory(files));
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("PWR0015", diagnostic.Id);
        Assert.Equal("The library has 10001 files; the limit is 10000", diagnostic.Message);
        Assert.Null(result.Library);
    }

    [Fact]
    public void Compile_MisspelledForce_Suggests()
    {
        string text = "{ \"designation\": \"d\", \"title\": \"D\", \"force\": \"kentt\", \"powers\": [] }";
        Verify("designations/d.json", text, "PWR0207", "\"kentt\"", "Unknown force 'kentt'; did you mean 'kent'?");
    }

    [Fact]
    public void Compile_FactOfUnknownType_Reported()
    {
        string facts = File.ReadAllText(Path.Combine(RepositoryRules.Directory, "facts.json")).ReplaceFirst("\"type\": \"bool\"", "\"type\": \"boolean\"");
        Verify("facts.json", facts, "PWR0208", "\"boolean\"", "Unknown fact type 'boolean'; use bool, int or enum");
    }

    [Fact]
    public void Compile_IncludeOfUnknownDesignation_Suggests()
    {
        Verify("designations/d.json", Designation("\"include\": [\"e2\"], \"powers\": []"), "PWR0304", "\"e2\"", "Unknown designation 'e2'; did you mean 'e'?", others: ("designations/e.json", "{ \"designation\": \"e\", \"title\": \"E\", \"force\": \"kent\", \"powers\": [] }"));
    }

    [Fact]
    public void Compile_IncludeCycle_ReportedNotHung()
    {
        string d = Designation("\"include\": [\"e\"], \"powers\": []");
        string e = "{ \"designation\": \"e\", \"title\": \"E\", \"force\": \"kent\", \"include\": [\"d\"], \"powers\": [] }";
        var result = TestLibrary.Compile(("designations/d.json", d), ("designations/e.json", e));
        var atD = TextPosition.Of(d, "\"e\"");
        var atE = TextPosition.Of(e, "\"d\"");
        DiagnosticAssert.Verify(
            result.Diagnostics.Where(x => x.Id == "PWR0305"),
            new ExpectedDiagnostic("PWR0305", "rules/designations/d.json", atD.Line, atD.Column, Message: "Designation 'd' includes itself: e include it back"),
            new ExpectedDiagnostic("PWR0305", "rules/designations/e.json", atE.Line, atE.Column, Message: "Designation 'e' includes itself: d include it back"));
    }

    [Fact]
    public void Compile_DesignatedPowerNoVersionConfers_Warning()
    {
        string text = Designation("\"effective\": { \"from\": \"2010-01-01\" }, \"powers\": [\"road-check\"]");
        Verify("designations/d.json", text, "PWR0308", "\"d\"", "Designation 'd' confers 'road-check', which 'test@a' (2010-01-01 to open) does not confer on CSOs; it will be decided not-in-force", others: ("test/a.json", Version(TestLibrary.Power("cordon", "inUniform"))));
    }

    [Fact]
    public void Compile_DesignatedPowerThatLapsesLater_NoWarning()
    {
        // The law changing part way through a designation's life is not the author's mistake (a 2002 designation's cordon after 2017).
        string b = "{ \"ruleset\": \"test\", \"version\": \"b\", \"revision\": 1, \"title\": \"B\", \"effective\": { \"from\": \"2011-01-01\" }, \"extends\": \"a\", \"remove\": { \"powers\": [\"cordon\"] }, \"powers\": {} }";
        string a = TestLibrary.RuleSet("a", "{ \"from\": \"2010-01-01\", \"until\": \"2010-12-31\" }", TestLibrary.Power("cordon", "inUniform"));
        var result = TestLibrary.Compile(("test/a.json", a), ("test/b.json", b), ("designations/d.json", Designation("\"effective\": { \"from\": \"2010-01-01\" }, \"powers\": [\"cordon\"]")));
        Assert.DoesNotContain(result.Diagnostics, d => d.Id == "PWR0308");
    }

    [Fact]
    public void Compile_RangeEndingBeforeItStarts_EmptyRange()
    {
        string text = TestLibrary.RuleSet("a", "{ \"from\": \"2010-01-01\", \"until\": \"2009-12-31\" }", TestLibrary.Power("cordon", "inUniform"));
        Verify("test/a.json", text, "PWR0309", "\"2009-12-31\"", "The effective range ends (2009-12-31) before it starts (2010-01-01)");
    }

    [Fact]
    public void Compile_RemovingWhatIsNotInherited_Warning()
    {
        string b = "{ \"ruleset\": \"test\", \"version\": \"b\", \"revision\": 1, \"title\": \"B\", \"effective\": { \"from\": \"2011-01-01\" }, \"extends\": \"a\", \"remove\": { \"powers\": [\"road-check\"] }, \"powers\": {} }";
        string a = TestLibrary.RuleSet("a", "{ \"from\": \"2010-01-01\", \"until\": \"2010-12-31\" }", TestLibrary.Power("cordon", "inUniform"));
        Verify("test/b.json", b, "PWR0310", "\"road-check\"", "'road-check' is not inherited from 'a', so removing it has no effect", others: ("test/a.json", a));
    }

    [Fact]
    public void Compile_RemovalWithItsReasons_MayNameAPowerNeverCommenced()
    {
        string a = Version(TestLibrary.Power("cordon", "inUniform"), "  \"remove\": { \"powers\": [ { \"power\": \"road-check\", \"cite\": \"Test Act, s. 9\", \"text\": \"Never commenced.\" } ] },\n");
        var result = TestLibrary.Compile(("test/a.json", a));
        Assert.DoesNotContain(result.Diagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
        Assert.Equal("Never commenced.", result.Library!.Versions.Single().Removals["road-check"].Text);
    }

    [Fact]
    public void Compile_TwoClausesWithOneId_DuplicateClause()
    {
        string power = "\"cordon\": { \"title\": \"C\", \"cite\": \"s. 1\", \"clauses\": [ { \"id\": \"c1\", \"when\": \"inUniform\", \"cite\": \"s. 1\", \"text\": \"T.\" }, { \"id\": \"c1\", \"when\": \"inPoliceArea\", \"cite\": \"s. 1\", \"text\": \"T.\" } ] }";
        Verify("test/a.json", Version(power), "PWR0311", "\"c1\"", "Power 'cordon' has two clauses with id 'c1'", occurrence: 2);
    }

    [Fact]
    public void Compile_PowerRequiringItself_InvalidRequires()
    {
        string power = "\"cordon\": { \"title\": \"C\", \"cite\": \"s. 1\", \"requires\": [\"cordon\"], \"clauses\": [] }";
        Verify("test/a.json", Version(power), "PWR0315", "\"cordon\"]", "Power 'cordon' cannot require 'cordon': a power cannot require itself");
    }

    [Fact]
    public void Compile_PowerInNoVersion_Info()
    {
        var result = TestLibrary.Compile(("test/a.json", Version(TestLibrary.Power("cordon", "inUniform"))));
        var info = Assert.Single(result.Diagnostics, d => d.Id == "PWR0316" && d.Message == "Power 'road-check' is not conferred by any version of the library");
        Assert.Equal(DiagnosticSeverity.Info, info.Severity);
        Assert.Null(info.Location);
    }

    [Fact]
    public void Compile_StandardPowerTheVersionLacks_Error()
    {
        Verify("test/a.json", Version(TestLibrary.Power("cordon", "inUniform"), "  \"standard\": [\"road-check\"],\n"), "PWR0317", "\"road-check\"", "'road-check' is listed as a standard power, but test@a does not confer it; add it to 'powers' or remove it from 'standard'");
    }

    [Fact]
    public void Compile_LowConfidenceWithoutNote_Warning()
    {
        string power = "\"cordon\": { \"title\": \"C\", \"cite\": \"s. 1\", \"clauses\": [ { \"id\": \"c1\", \"when\": \"inUniform\", \"cite\": \"s. 1\", \"text\": \"T.\", \"confidence\": \"low\" } ] }";
        Verify("test/a.json", Version(power), "PWR0404", "\"low\"", "Power 'cordon' clause 'c1' is marked low confidence but has no note saying what is uncertain");
    }

    [Fact]
    public void Compile_CaseWithoutCitation_Warning()
    {
        string cases = "{ \"cases\": [ { \"name\": \"no cite\", \"query\": { \"date\": \"2010-06-01\", \"designation\": { \"force\": \"kent\", \"powers\": [\"cordon\"] } }, \"expect\": { \"cordon\": \"undetermined\" } } ] }";
        Verify("cases/c.json", cases, "PWR0405", "\"no cite\"", "Case 'no cite' has no citation justifying its expected outcomes", others: ("test/a.json", Version(TestLibrary.Power("cordon", "inUniform"))));
    }
}
