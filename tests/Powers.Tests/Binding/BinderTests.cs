using Powers.TestSupport;
using Powers.Tests.TestSupport;

namespace Powers.Tests.Binding;

public class BinderTests
{
    private const string Path = "rules/test/v1.json";

    private static void VerifyClause(string when, string id, string token, string message, int occurrence = 1)
    {
        string text = TestLibrary.RuleSet("v1", "{ \"from\": \"2010-01-01\" }", TestLibrary.Power("road-check", when));
        var result = TestLibrary.Compile(("test/v1.json", text));
        var (line, column) = TextPosition.Of(text, token, occurrence);
        DiagnosticAssert.Verify(result.Diagnostics, new ExpectedDiagnostic(id, Path, line, column, Message: message));
    }

    [Fact]
    public void Bind_MisspelledFact_SuggestsClosest()
    {
        VerifyClause("constablePresnt and inUniform", "PWR0201", "constablePresnt", "Unknown fact 'constablePresnt'; did you mean 'constableInCompany'?");
    }

    [Fact]
    public void Bind_MisspelledFactAfterEscape_PointsInsideString()
    {
        // \u0020 is an escaped space: the unknown name starts 6 characters later in the file than in the value.
        VerifyClause("inUniform and\\u0020roadCheckAuthorized", "PWR0201", "roadCheckAuthorized", "Unknown fact 'roadCheckAuthorized'; did you mean 'roadCheckAuthorised'?");
    }

    [Fact]
    public void Bind_GrantedUnknownPower_PointsAtTheIdInsideTheQuotes()
    {
        VerifyClause("inUniform and granted('road-chek')", "PWR0206", "road-chek", "Unknown power 'road-chek'; did you mean 'road-check'?");
    }

    [Fact]
    public void Bind_GrantedComparedAsValue_IsAnError()
    {
        VerifyClause("granted('cordon') == true", "PWR0210", "==", "'==' compares a condition; compare a fact with a value or another fact, and combine conditions with 'and', 'or' and 'not'");
    }

    [Fact]
    public void Bind_UnknownEnumValue_SuggestsClosest()
    {
        VerifyClause("terrorismAuthorisation == 's47'", "PWR0203", "'s47'", "'s47' is not a value of enum terrorismAuthorisation (none, s44, s47a); did you mean 's47a'?");
    }

    [Fact]
    public void Bind_OrderingOnBool_IsTypeMismatch()
    {
        VerifyClause("inUniform < 3", "PWR0202", "<", "Operator '<' cannot be applied to bool and int");
    }

    [Fact]
    public void Bind_EnumComparedWithInt_IsTypeMismatch()
    {
        VerifyClause("searchOf == 2", "PWR0202", "==", "Operator '==' cannot be applied to enum searchOf and int");
    }

    [Fact]
    public void Bind_IntAsCondition_IsNotBoolean()
    {
        VerifyClause("minutesDetained", "PWR0204", "minutesDetained", "A condition must be true or false, but this expression is int");
    }

    [Fact]
    public void Bind_TwoLiterals_AreUntyped()
    {
        VerifyClause("'a' == 'b'", "PWR0205", "'a'", "The value 'a' can only be compared with an enum fact");
    }

    [Fact]
    public void Bind_InListOfWrongType_IsTypeMismatch()
    {
        VerifyClause("minutesDetained in [1, 'x']", "PWR0202", "'x'", "Operator '==' cannot be applied to a value 'x' and int");
    }

    [Fact]
    public void Bind_ConditionComparedWithEquals_IsRejected()
    {
        // Found by the property suite: the compiled evaluator read a compound operand as 0 and so permitted.
        VerifyClause("(inUniform and inPoliceArea) == false", "PWR0210", "==", "'==' compares a condition; compare a fact with a value or another fact, and combine conditions with 'and', 'or' and 'not'");
    }

    [Fact]
    public void Bind_ConditionInList_IsRejected()
    {
        VerifyClause("(inUniform or inPoliceArea) in [true]", "PWR0210", "(inUniform", "'in' compares a condition; compare a fact with a value or another fact, and combine conditions with 'and', 'or' and 'not'");
    }

    [Fact]
    public void Bind_ParenthesizedFactCompared_IsAccepted()
    {
        string text = TestLibrary.RuleSet("v1", "{ \"from\": \"2010-01-01\" }", TestLibrary.Power("road-check", "(inUniform) == true and (minutesDetained) < 30"));
        var result = TestLibrary.Compile(("test/v1.json", text));
        DiagnosticAssert.Verify(result.Diagnostics);
    }

    [Fact]
    public void Bind_TwoMistakes_ReportsBoth()
    {
        string text = TestLibrary.RuleSet("v1", "{ \"from\": \"2010-01-01\" }", TestLibrary.Power("road-check", "inUnifrom and searchOf == 'persn'"));
        var result = TestLibrary.Compile(("test/v1.json", text));
        var first = TextPosition.Of(text, "inUnifrom");
        var second = TextPosition.Of(text, "'persn'");
        DiagnosticAssert.Verify(
            result.Diagnostics,
            new ExpectedDiagnostic("PWR0201", Path, first.Line, first.Column, "inUnifrom", "Unknown fact 'inUnifrom'; did you mean 'inUniform'?"),
            new ExpectedDiagnostic("PWR0203", Path, second.Line, second.Column, "'persn'", "'persn' is not a value of enum searchOf (vehicle, item-carried, person); did you mean 'person'?"));
    }
}
