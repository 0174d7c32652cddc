using Powers.Binding;
using Powers.Evaluation;

namespace Powers.Analysis;

/// <summary>Turns a bound condition into a <see cref="Term"/>. Recursion follows the bound tree, whose depth the parser bounded.</summary>
internal static class TermBuilder
{
    public static Term Build(BoundExpression expression)
    {
        switch (expression)
        {
            case BoundNot not:
                return PartialEvaluator.Not(Build(not.Operand));
            case BoundLogical logical:
                return PartialEvaluator.Junction(logical.IsAnd, [Build(logical.Left), Build(logical.Right)]);
            case BoundError:
                return ConstTerm.Unknown;
            default:
                var atom = new AtomTerm(expression);
                // A leaf that reads no fact (a constant, or any node the interpreter decides alone) is decided now.
                return atom.Mask == UInt128.Zero ? ConstTerm.Of(ReferenceInterpreter.Evaluate(expression, new Situation(NoFacts))) : atom;
        }
    }

    /// <summary>The conjunction of several conditions.</summary>
    public static Term All(IEnumerable<BoundExpression> expressions) =>
        PartialEvaluator.Junction(true, expressions.Select(Build).ToArray());

    private static readonly FactSchema NoFacts = new([]);
}
