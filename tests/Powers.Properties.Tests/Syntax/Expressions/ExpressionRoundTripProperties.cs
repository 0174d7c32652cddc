using Powers.Diagnostics;
using Powers.Properties.Tests.Generators;
using Powers.Properties.Tests.Support;
using Powers.Syntax.Expressions;

namespace Powers.Properties.Tests.Syntax.Expressions;

public class ExpressionRoundTripProperties
{
    [PowersProperty(500)]
    public void Print_ParsedExpression_ParsesToSameTree(ExpressionText expression)
    {
        var first = Parse(expression.Text);
        string printed = ExpressionPrinter.Print(first);
        var second = Parse(printed);

        PropertyViolationException.Check(SyntaxShape.Of(first) == SyntaxShape.Of(second), () => "printed as: " + printed + Environment.NewLine + SyntaxShape.Of(first) + Environment.NewLine + SyntaxShape.Of(second));
    }

    private static ExpressionSyntax Parse(string text)
    {
        var diagnostics = new DiagnosticBag();
        var syntax = ExpressionParser.ParseText(text, diagnostics, out _);
        var list = diagnostics.ToSortedList();
        PropertyViolationException.Check(list.Count == 0, () => "'" + text + "' does not parse: " + string.Join("; ", list));
        return syntax;
    }
}
