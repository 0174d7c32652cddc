using System.Globalization;
using System.Text;
using Powers.Binding;

namespace Powers.RulesEngine;

/// <summary>
/// Translates a bound expression into the expression language of Microsoft RulesEngine (System.Linq.Dynamic.Core),
/// two-valued, reading the facts as properties of one input: booleans, integers, and enum values as strings.
/// Every operand is parenthesized, so the precedence of the target language never matters.
/// </summary>
internal static class ExpressionTranslator
{
    /// <summary>The RulesEngine expression of a bound expression, reading facts from <paramref name="parameter"/>.</summary>
    public static string Translate(BoundExpression expression, string parameter = RulesEngineNames.SituationParameter)
    {
        ArgumentNullException.ThrowIfNull(expression);
        ArgumentException.ThrowIfNullOrWhiteSpace(parameter);
        var builder = new StringBuilder();
        Write(builder, expression, parameter);
        return builder.ToString();
    }

    private static void Write(StringBuilder b, BoundExpression expression, string parameter)
    {
        switch (expression)
        {
            case BoundFact fact:
                b.Append(parameter).Append('.').Append(fact.Fact.Name);
                break;
            case BoundConstant constant:
                WriteConstant(b, constant.Type, constant.Value);
                break;
            case BoundNot not:
                b.Append("!(");
                Write(b, not.Operand, parameter);
                b.Append(')');
                break;
            case BoundLogical logical:
                WriteOperand(b, logical.Left, parameter);
                b.Append(logical.IsAnd ? " && " : " || ");
                WriteOperand(b, logical.Right, parameter);
                break;
            case BoundComparison comparison:
                WriteOperand(b, comparison.Left, parameter);
                b.Append(' ').Append(OperatorText(comparison.Operator)).Append(' ');
                WriteOperand(b, comparison.Right, parameter);
                break;
            case BoundIn @in:
                WriteIn(b, @in, parameter);
                break;
            default:
                // A binding error never reaches a compiled library; should one arrive, it never holds (fail closed).
                b.Append("false");
                break;
        }
    }

    private static void WriteIn(StringBuilder b, BoundIn @in, string parameter)
    {
        if (@in.Values.Count == 0)
        {
            b.Append("false");
            return;
        }

        b.Append('(');
        for (int k = 0; k < @in.Values.Count; k++)
        {
            if (k > 0)
            {
                b.Append(" || ");
            }

            WriteOperand(b, @in.Operand, parameter);
            b.Append(" == ");
            WriteConstant(b, @in.Operand.Type, @in.Values[k]);
        }

        b.Append(')');
    }

    private static void WriteOperand(StringBuilder b, BoundExpression operand, string parameter)
    {
        bool atomic = operand is BoundFact or BoundConstant;
        if (!atomic)
        {
            b.Append('(');
        }

        Write(b, operand, parameter);
        if (!atomic)
        {
            b.Append(')');
        }
    }

    private static void WriteConstant(StringBuilder b, BoundType type, int value)
    {
        switch (type.Kind)
        {
            case FactKind.Bool:
                b.Append(value != 0 ? "true" : "false");
                break;
            case FactKind.Enum when type.EnumFact is { } fact && value >= 0 && value < fact.Values.Count:
                WriteString(b, fact.Values[value]);
                break;
            case FactKind.Enum:
                // An enum constant without its values cannot be named; it equals nothing a situation can hold.
                WriteString(b, "<invalid enum value>");
                break;
            default:
                b.Append(value.ToString(CultureInfo.InvariantCulture));
                break;
        }
    }

    private static void WriteString(StringBuilder b, string value)
    {
        b.Append('"');
        foreach (char c in value)
        {
            switch (c)
            {
                case '"':
                    b.Append("\\\"");
                    break;
                case '\\':
                    b.Append("\\\\");
                    break;
                default:
                    if (char.IsControl(c))
                    {
                        b.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        b.Append(c);
                    }

                    break;
            }
        }

        b.Append('"');
    }

    private static string OperatorText(ComparisonOperator op) => op switch
    {
        ComparisonOperator.Equal => "==",
        ComparisonOperator.NotEqual => "!=",
        ComparisonOperator.Less => "<",
        ComparisonOperator.LessOrEqual => "<=",
        ComparisonOperator.Greater => ">",
        _ => ">=",
    };
}
