using Powers.Binding;
using Powers.Model;

namespace Powers.Evaluation;

/// <summary>
/// The specification: walks the bound tree and applies Kleene logic literally. Recursion follows the bound tree,
/// whose depth the parser bounded. Every other evaluator must agree with this one.
/// </summary>
internal sealed class ReferenceInterpreter : IClauseEvaluator
{
    /// <summary>The shared instance.</summary>
    public static ReferenceInterpreter Instance { get; } = new();

    /// <inheritdoc />
    public string Name => "interpreter";

    /// <inheritdoc />
    public bool AgreesWithReferenceInterpreter => true;

    /// <inheritdoc />
    public Tri Evaluate(Clause clause, Situation situation)
    {
        ArgumentNullException.ThrowIfNull(clause);
        // Stryker disable once Statement : the static Evaluate called next throws the same exception for the same parameter name first (a clause's expression is never null)
        ArgumentNullException.ThrowIfNull(situation);
        return Evaluate(clause.Expression, situation);
    }

    /// <summary>The value of a condition.</summary>
    public static Tri Evaluate(BoundExpression expression, Situation situation)
    {
        ArgumentNullException.ThrowIfNull(expression);
        ArgumentNullException.ThrowIfNull(situation);
        switch (expression)
        {
            case BoundNot not:
                return TriLogic.Not(Evaluate(not.Operand, situation));
            case BoundLogical logical:
                var left = Evaluate(logical.Left, situation);
                var right = Evaluate(logical.Right, situation);
                return logical.IsAnd ? TriLogic.And(left, right) : TriLogic.Or(left, right);
            case BoundComparison comparison:
                if (!TryValue(comparison.Left, situation, out int a) || !TryValue(comparison.Right, situation, out int b))
                {
                    return Tri.Unknown;
                }

                return TriLogic.From(Compare(comparison.Operator, a, b));
            case BoundIn @in:
                if (!TryValue(@in.Operand, situation, out int value))
                {
                    return Tri.Unknown;
                }

                var values = @in.Values;
                for (int i = 0; i < values.Count; i++)
                {
                    // An index loop: foreach over the interface would box an enumerator per evaluation.
                    if (values[i] == value)
                    {
                        return Tri.True;
                    }
                }

                return Tri.False;
            case BoundFact or BoundConstant:
                return TryValue(expression, situation, out int v) ? TriLogic.From(v != 0) : Tri.Unknown;
            default:
                // An error node: never decided, so never permitted.
                return Tri.Unknown;
        }
    }

    /// <summary>Compares two stored values.</summary>
    internal static bool Compare(ComparisonOperator op, int a, int b) => op switch
    {
        ComparisonOperator.Equal => a == b,
        ComparisonOperator.NotEqual => a != b,
        ComparisonOperator.Less => a < b,
        ComparisonOperator.LessOrEqual => a <= b,
        ComparisonOperator.Greater => a > b,
        _ => a >= b,
    };

    private static bool TryValue(BoundExpression expression, Situation situation, out int value)
    {
        switch (expression)
        {
            case BoundConstant constant:
                value = constant.Value;
                return true;
            case BoundFact fact when situation.IsKnown(fact.Fact.Index):
                value = situation.ValueAt(fact.Fact.Index);
                return true;
            default:
                value = 0;
                return false;
        }
    }
}
