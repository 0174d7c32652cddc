using System.Globalization;
using System.Text;
using Powers.Syntax.Expressions;

namespace Powers.Properties.Tests.Syntax.Expressions;

/// <summary>A syntax tree as an S-expression without spans, so trees parsed from different text compare by shape.</summary>
internal static class SyntaxShape
{
    /// <summary>The shape of a tree.</summary>
    public static string Of(ExpressionSyntax syntax)
    {
        var b = new StringBuilder();
        Write(b, syntax);
        return b.ToString();
    }

    private static void Write(StringBuilder b, ExpressionSyntax syntax)
    {
        switch (syntax)
        {
            case NameSyntax n: b.Append("(name ").Append(n.Name).Append(')'); break;
            case IntegerSyntax i: b.Append("(int ").Append(i.Value.ToString(CultureInfo.InvariantCulture)).Append(')'); break;
            case BooleanSyntax bo: b.Append(bo.Value ? "(true)" : "(false)"); break;
            case ValueSyntax v: b.Append("(value '").Append(v.Value).Append("')"); break;
            case NotSyntax not: b.Append("(not "); Write(b, not.Operand); b.Append(')'); break;
            case ParenthesizedSyntax p: b.Append("(paren "); Write(b, p.Inner); b.Append(')'); break;
            case BinarySyntax bin:
                b.Append('(').Append(bin.Operator).Append(' ');
                Write(b, bin.Left);
                b.Append(' ');
                Write(b, bin.Right);
                b.Append(')');
                break;
            case InSyntax @in:
                b.Append("(in ");
                Write(b, @in.Operand);
                foreach (var value in @in.Values)
                {
                    b.Append(' ');
                    Write(b, value);
                }

                b.Append(')');
                break;
            default: b.Append("(error)"); break;
        }
    }
}
