using Powers.RulesEngine.Tests.TestSupport;
using Powers.TestSupport;

namespace Powers.RulesEngine.Tests;

public class ExpressionTranslatorTests
{
    public static TheoryData<string, string> Expressions => new()
    {
        { "inUniform", "situation.inUniform" },
        { "not inUniform", "!(situation.inUniform)" },
        { "terrorismAuthorisation == 's47a' and authorisationAgeHours < 336", "(situation.terrorismAuthorisation == \"s47a\") && (situation.authorisationAgeHours < 336)" },
        { "authorisationAgeHours < 48 or authorisationConfirmed", "(situation.authorisationAgeHours < 48) || situation.authorisationConfirmed" },
        { "searchOf in ['vehicle', 'item-carried']", "(situation.searchOf == \"vehicle\" || situation.searchOf == \"item-carried\")" },
        { "'none' != terrorismAuthorisation", "\"none\" != situation.terrorismAuthorisation" },
        { "(inUniform) == true and not (inPoliceArea and inUniform)", "(situation.inUniform == true) && (!(situation.inPoliceArea && situation.inUniform))" },
        { "minutesDetained >= cordonAgeDays", "situation.minutesDetained >= situation.cordonAgeDays" },
    };

    [Theory]
    [MemberData(nameof(Expressions))]
    public void Translate_RuleFileExpression_GivesDynamicLinq(string expression, string expected)
    {
        var bound = BoundExpressions.Bind(ShippedLibrary.Instance, expression);

        Assert.Equal(expected, ExpressionTranslator.Translate(bound));
    }

    [Fact]
    public void Translate_OtherParameterName_ReadsThatParameter()
    {
        var bound = BoundExpressions.Bind(ShippedLibrary.Instance, "inUniform");

        Assert.Equal("s.inUniform", ExpressionTranslator.Translate(bound, "s"));
    }
}
