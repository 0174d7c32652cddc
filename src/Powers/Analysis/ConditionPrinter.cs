using System.Globalization;
using System.Text;
using Powers.Binding;
using Powers.Evaluation;

namespace Powers.Analysis;

/// <summary>
/// Prints a term in the rule expression language, so the text parses and binds back to the same condition. A fact
/// that is known in <c>known</c> is printed as its value (a comparison between a known and a missing fact). Compound
/// operands are parenthesised. Recursion follows the term, whose depth the parser bounded.
/// </summary>
internal static class ConditionPrinter
{
    public static string Print(Term term, Situation? known = null)
    {
        var b = new StringBuilder();
        Write(b, term, known, top: true);
        return b.ToString();
    }

    private static void Write(StringBuilder b, Term term, Situation? known, bool top)
    {
        switch (term)
        {
            case ConstTerm c:
                // Unknown arises only from an error node, which a compiled library never has; it never holds.
                b.Append(c.Value == Tri.True ? "true" : "false");
                break;
            case AtomTerm a:
                WriteAtom(b, a.Expression, known);
                break;
            case NotTerm n:
                b.Append("not ");
                bool plain = n.Operand is AtomTerm { Expression: BoundFact };
                if (!plain)
                {
                    b.Append('(');
                }

                Write(b, n.Operand, known, top: true);
                if (!plain)
                {
                    b.Append(')');
                }

                break;
            case JunctionTerm j:
                if (!top)
                {
                    b.Append('(');
                }

                for (int i = 0; i < j.Operands.Length; i++)
                {
                    if (i > 0)
                    {
                        b.Append(j.IsAnd ? " and " : " or ");
                    }

                    Write(b, j.Operands[i], known, top: false);
                }

                if (!top)
                {
                    b.Append(')');
                }

                break;
        }
    }

    /// <summary>Prints a bound leaf: a fact, a comparison or an 'in'.</summary>
    public static void WriteAtom(StringBuilder b, BoundExpression expression, Situation? known)
    {
        switch (expression)
        {
            case BoundFact f:
                b.Append(f.Fact.Name);
                break;
            case BoundComparison c:
                var type = c.Left is BoundFact lf ? lf.Fact : (c.Right as BoundFact)?.Fact;
                WriteOperand(b, c.Left, type, known);
                b.Append(' ').Append(OperatorText(c.Operator)).Append(' ');
                WriteOperand(b, c.Right, type, known);
                break;
            case BoundIn @in:
                var fact = (@in.Operand as BoundFact)?.Fact;
                WriteOperand(b, @in.Operand, fact, known);
                b.Append(" in [");
                for (int i = 0; i < @in.Values.Count; i++)
                {
                    if (i > 0)
                    {
                        b.Append(", ");
                    }

                    b.Append(Value(fact, @in.Values[i]));
                }

                b.Append(']');
                break;
            case BoundConstant k:
                b.Append(k.Value != 0 ? "true" : "false");
                break;
            default:
                b.Append("false");
                break;
        }
    }

    /// <summary>A stored value as a literal of the expression language.</summary>
    public static string Value(FactSymbol? fact, int value) => fact?.Kind switch
    {
        FactKind.Enum => "'" + fact.FormatValue(value) + "'",
        FactKind.Bool => value != 0 ? "true" : "false",
        _ => value.ToString(CultureInfo.InvariantCulture),
    };

    public static string OperatorText(ComparisonOperator op) => op switch
    {
        ComparisonOperator.Equal => "==",
        ComparisonOperator.NotEqual => "!=",
        ComparisonOperator.Less => "<",
        ComparisonOperator.LessOrEqual => "<=",
        ComparisonOperator.Greater => ">",
        _ => ">=",
    };

    private static void WriteOperand(StringBuilder b, BoundExpression operand, FactSymbol? type, Situation? known)
    {
        switch (operand)
        {
            case BoundFact f when known is not null && known.IsKnown(f.Fact.Index):
                b.Append(Value(f.Fact, known.ValueAt(f.Fact.Index)));
                break;
            case BoundFact f:
                b.Append(f.Fact.Name);
                break;
            case BoundConstant c:
                b.Append(Value(type, c.Value));
                break;
            default:
                b.Append("false");
                break;
        }
    }
}
