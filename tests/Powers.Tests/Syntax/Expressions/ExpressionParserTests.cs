using Powers.Diagnostics;
using Powers.Syntax.Expressions;
using Powers.TestSupport;

namespace Powers.Tests.Syntax.Expressions;

public class ExpressionParserTests
{
    private static ExpressionSyntax Parse(string text, out IReadOnlyList<Diagnostic> diagnostics)
    {
        var bag = new DiagnosticBag();
        var syntax = ExpressionParser.ParseText(text, bag, out _);
        diagnostics = bag.ToSortedList();
        return syntax;
    }

    [Theory]
    [InlineData("a or b and c", "a or b and c")]
    [InlineData("not a and b", "not a and b")]
    [InlineData("x == 's47a'", "x == 's47a'")]
    [InlineData("(a or b) and not (c < 48)", "(a or b) and not (c < 48)")]
    [InlineData("searchOf in ['vehicle','item-carried']", "searchOf in ['vehicle', 'item-carried']")]
    [InlineData("granted( 'cordon' ) and not granted('road-check')", "granted('cordon') and not granted('road-check')")]
    [InlineData("designated( 'cordon' ) or granted('cordon')", "designated('cordon') or granted('cordon')")]
    public void Print_Parsed_RoundTrips(string text, string printed)
    {
        var syntax = Parse(text, out var diagnostics);
        Assert.Empty(diagnostics);
        Assert.Equal(printed, ExpressionPrinter.Print(syntax));
    }

    [Fact]
    public void Parse_Granted_KeepsThePowerIdAndItsSpan()
    {
        var syntax = Parse("x or granted('road-check')", out var diagnostics);
        Assert.Empty(diagnostics);
        var granted = Assert.IsType<GrantedSyntax>(Assert.IsType<BinarySyntax>(syntax).Right);
        Assert.Equal("road-check", granted.PowerId);
        Assert.Equal(14, granted.PowerSpan.Start);
        Assert.Equal("road-check".Length, granted.PowerSpan.Length);
    }

    [Fact]
    public void Parse_AndBindsTighterThanOr()
    {
        var syntax = Parse("a or b and c", out _);
        var or = Assert.IsType<BinarySyntax>(syntax);
        Assert.Equal(TokenKind.Or, or.Operator);
        var and = Assert.IsType<BinarySyntax>(or.Right);
        Assert.Equal(TokenKind.And, and.Operator);
    }

    [Fact]
    public void Parse_NotAppliesToComparison()
    {
        var syntax = Parse("not x < 30", out _);
        var not = Assert.IsType<NotSyntax>(syntax);
        Assert.IsType<BinarySyntax>(not.Operand);
    }

    [Theory]
    [InlineData("a && b", "PWR0108", 3, "'&&' is not part of the expression language; use 'and'")]
    [InlineData("a = 1", "PWR0108", 3, "'=' is not part of the expression language; use ==")]
    [InlineData("x == \"s44\"", "PWR0108", 6, "'\"' is not part of the expression language; use single quotes for values, e.g. 's47a'")]
    [InlineData("a and", "PWR0102", 6, "Expected a fact name, a value or '(' but found the end of the expression")]
    [InlineData("(a or b", "PWR0102", 8, "Expected ')' or an operator but found the end of the expression")]
    [InlineData("a b", "PWR0102", 3, "Expected an operator ('and', 'or', a comparison) or the end of the expression but found 'b'")]
    [InlineData("x == 'open", "PWR0105", 6, "Unterminated value literal; add a closing '")]
    [InlineData("x < 99999999999", "PWR0106", 5, "The integer '99999999999' is out of range (0 to 2147483647)")]
    [InlineData("a < b < c", "PWR0102", 7, "Expected 'and', 'or', ')' or the end of the expression (comparisons do not chain; use 'and') but found '<'")]
    [InlineData("x in []", "PWR0102", 7, "Expected a value in the list but found ']'")]
    [InlineData("a # b", "PWR0101", 3, "Unexpected character '#' in expression")]
    [InlineData("   ", "PWR0107", 1, "The expression is empty")]
    [InlineData("a and conferred('cordon')", "PWR0108", 7, "'conferred(...)' is not part of the expression language; use a fact name, or granted('power-id') for whether the CSO has a power")]
    [InlineData("granted(cordon)", "PWR0102", 9, "Expected a 'power-id' but found 'cordon'")]
    [InlineData("granted('cordon'", "PWR0102", 17, "Expected ')' but found the end of the expression")]
    public void Parse_Error_PointsAtToken(string text, string id, int column, string message)
    {
        var syntax = Parse(text, out var diagnostics);
        Assert.IsType<ErrorSyntax>(syntax);
        DiagnosticAssert.Verify(diagnostics, new ExpectedDiagnostic(id, "<expression>", 1, column, Message: message));
    }

    [Fact]
    public void Parse_NestedBeyondLimit_ReportsDepth()
    {
        string text = new string('(', 40) + "a" + new string(')', 40);
        var syntax = Parse(text, out var diagnostics);
        Assert.IsType<ErrorSyntax>(syntax);
        Assert.Equal("PWR0103", Assert.Single(diagnostics).Id);
    }

    [Fact]
    public void Parse_HundredThousandDeep_ReportsLengthWithoutOverflow()
    {
        string text = new string('(', 100_000) + "a" + new string(')', 100_000);
        var syntax = Parse(text, out var diagnostics);
        Assert.IsType<ErrorSyntax>(syntax);
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("PWR0104", diagnostic.Id);
        Assert.InRange(diagnostic.Location!.Value.Span.Start, 0, text.Length);
    }

    [Fact]
    public void Parse_ManyNots_BoundedByDepth()
    {
        string text = string.Concat(Enumerable.Repeat("not ", 1000)) + "a";
        Parse(text, out var diagnostics);
        Assert.Equal("PWR0103", Assert.Single(diagnostics).Id);
    }

    [Fact]
    public void Parse_LongFlatChain_IsAccepted()
    {
        string text = string.Join(" and ", Enumerable.Repeat("a", 600));
        var syntax = Parse(text, out var diagnostics);
        Assert.Empty(diagnostics);
        Assert.IsType<BinarySyntax>(syntax);
        Assert.Equal(text, ExpressionPrinter.Print(syntax));
    }
}
