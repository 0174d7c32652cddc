using System.Globalization;
using System.Text;

namespace Powers.Syntax.Expressions;

/// <summary>Prints a syntax tree back as expression text; parsing the result gives the same tree.</summary>
internal static class ExpressionPrinter
{
    /// <summary>The expression text of a tree.</summary>
    public static string Print(ExpressionSyntax syntax)
    {
        ArgumentNullException.ThrowIfNull(syntax);
        var builder = new StringBuilder();
        Write(builder, syntax, 0);
        return builder.ToString();
    }

    private static void Write(StringBuilder b, ExpressionSyntax syntax, int depth)
    {
        // A tree from the parser is at most MaxLength deep (every level consumes a token), e.g. a long
        // left-deep chain 'a or b or ...'; deeper hand-built trees are cut off rather than overflow the stack.
        if (depth > ExpressionParser.MaxLength)
        {
            b.Append("...");
            return;
        }

        switch (syntax)
        {
            case NameSyntax n:
                b.Append(n.Name);
                break;
            case IntegerSyntax i:
                b.Append(i.Value.ToString(CultureInfo.InvariantCulture));
                break;
            case BooleanSyntax bo:
                b.Append(bo.Value ? "true" : "false");
                break;
            case GrantedSyntax g:
                b.Append(g.Own ? ExpressionParser.DesignatedName : ExpressionParser.GrantedName).Append("('").Append(g.PowerId).Append("')");
                break;
            case ValueSyntax v:
                b.Append('\'').Append(v.Value).Append('\'');
                break;
            case NotSyntax not:
                b.Append("not ");
                Write(b, not.Operand, depth + 1);
                break;
            case BinarySyntax bin:
                Write(b, bin.Left, depth + 1);
                b.Append(' ').Append(TokenFacts.Text(bin.Operator)).Append(' ');
                Write(b, bin.Right, depth + 1);
                break;
            case InSyntax @in:
                Write(b, @in.Operand, depth + 1);
                b.Append(" in [");
                for (int k = 0; k < @in.Values.Count; k++)
                {
                    if (k > 0)
                    {
                        b.Append(", ");
                    }

                    Write(b, @in.Values[k], depth + 1);
                }

                b.Append(']');
                break;
            case ParenthesizedSyntax p:
                b.Append('(');
                Write(b, p.Inner, depth + 1);
                b.Append(')');
                break;
            default:
                b.Append("<error>");
                break;
        }
    }
}
