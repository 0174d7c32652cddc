using Powers.Binding;
using Powers.Diagnostics;
using Powers.Model;
using Powers.Syntax.Expressions;

namespace Powers.RulesEngine.Tests.TestSupport;

/// <summary>Binds expression text against a library's fact schema, failing the test on any diagnostic.</summary>
internal static class BoundExpressions
{
    public static BoundExpression Bind(RuleLibrary library, string expression)
    {
        var diagnostics = new DiagnosticBag();
        var syntax = ExpressionParser.ParseText(expression, diagnostics, out var source);
        var bound = new Binder(library.Schema, source, diagnostics).BindCondition(syntax);
        Assert.Empty(diagnostics.ToSortedList());
        return bound;
    }
}
