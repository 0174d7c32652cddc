using System.Linq.Expressions;
using Powers.Binding;
using Expr = System.Linq.Expressions.Expression;

namespace Powers.Evaluation;

/// <summary>
/// Emits a bound expression as an expression over packed facts, for the decision program to compile with the rest
/// of its plan. Kleene logic is done on the two-bit encoding of <see cref="Tri"/> with no branches for
/// <c>and</c>/<c>or</c>/<c>not</c>; a comparison is unknown unless every fact it reads is known, tested with one mask
/// per 64-fact word it reads (one, in practice).
/// </summary>
internal static class ClauseCompiler
{
    /// <summary>The body of a compiled clause: an int holding the <see cref="Tri"/> bits, reading facts from <paramref name="values"/>.</summary>
    internal static Expr Emit(BoundExpression e, ParameterExpression values, KnownWords known)
    {
        switch (e)
        {
            case BoundNot not:
                // Stryker disable once String : a variable's name is a label in the expression's debug view only; the compiled code is the same
                var x = Expr.Variable(typeof(int), "x");
                return Expr.Block(
                    typeof(int),
                    [x],
                    Expr.Assign(x, Emit(not.Operand, values, known)),
                    TriLogic.EmitNot(x));
            case BoundLogical logical:
                // Stryker disable once String : a variable's name is a label in the expression's debug view only; the compiled code is the same
                var a = Expr.Variable(typeof(int), "a");
                // Stryker disable once String : a variable's name is a label in the expression's debug view only; the compiled code is the same
                var b = Expr.Variable(typeof(int), "b");
                return Expr.Block(
                    typeof(int),
                    [a, b],
                    Expr.Assign(a, Emit(logical.Left, values, known)),
                    Expr.Assign(b, Emit(logical.Right, values, known)),
                    TriLogic.EmitJunction(logical.IsAnd, a, b));
            case BoundComparison comparison:
                return Guarded(
                    FactUsage.Mask(comparison),
                    Compare(comparison.Operator, Value(comparison.Left, values), Value(comparison.Right, values)),
                    known);
            case BoundIn @in:
                // Stryker disable once String : a variable's name is a label in the expression's debug view only; the compiled code is the same
                var operand = Expr.Variable(typeof(int), "v");
                Expr test = Expr.Constant(false);
                foreach (int candidate in @in.Values)
                {
                    test = Expr.OrElse(test, Expr.Equal(operand, Expr.Constant(candidate)));
                }

                var membership = Expr.Block(typeof(bool), [operand], Expr.Assign(operand, Value(@in.Operand, values)), test);
                return Guarded(FactUsage.Mask(@in), membership, known);
            case BoundFact fact:
                return Guarded(UInt128.One << fact.Fact.Index, Expr.NotEqual(Value(fact, values), Expr.Constant(0)), known);
            case BoundConstant constant:
                return TriLogic.EmitConstant(TriLogic.From(constant.Value != 0));
            default:
                return TriLogic.EmitConstant(Tri.Unknown);
        }
    }

    private static ConditionalExpression Guarded(UInt128 mask, Expr condition, KnownWords known)
    {
        var decided = Expr.Condition(condition, TriLogic.EmitConstant(Tri.True), TriLogic.EmitConstant(Tri.False));
        ulong low = (ulong)mask;
        ulong high = (ulong)(mask >> 64);
        Expr? allKnown = null;
        if (low != 0)
        {
            allKnown = Expr.Equal(Expr.And(known.Low, Expr.Constant(low)), Expr.Constant(low));
        }

        if (high != 0)
        {
            var highKnown = Expr.Equal(Expr.And(known.High, Expr.Constant(high)), Expr.Constant(high));
            allKnown = allKnown is null ? highKnown : Expr.AndAlso(allKnown, highKnown);
        }

        return allKnown is null ? decided : Expr.Condition(allKnown, decided, TriLogic.EmitConstant(Tri.Unknown));
    }

    private static Expr Value(BoundExpression e, ParameterExpression values) => e switch
    {
        BoundFact fact => Expr.ArrayIndex(values, Expr.Constant(fact.Fact.Index)),
        BoundConstant constant => Expr.Constant(constant.Value),
        _ => Expr.Constant(0),
    };

    private static BinaryExpression Compare(ComparisonOperator op, Expr left, Expr right) => op switch
    {
        ComparisonOperator.Equal => Expr.Equal(left, right),
        ComparisonOperator.NotEqual => Expr.NotEqual(left, right),
        ComparisonOperator.Less => Expr.LessThan(left, right),
        ComparisonOperator.LessOrEqual => Expr.LessThanOrEqual(left, right),
        ComparisonOperator.Greater => Expr.GreaterThan(left, right),
        _ => Expr.GreaterThanOrEqual(left, right),
    };
}
