using System.Runtime.CompilerServices;

namespace Powers.Analysis;

/// <summary>
/// Structural equality of terms from one search: atoms are shared objects (substitution keeps an atom it cannot
/// decide and the constants are singletons), so two residuals are equal when their junctions and negations match and
/// their leaves are the same objects. Recursion follows the term, whose depth the parser bounded.
/// </summary>
internal static class TermShape
{
    public static bool Equal(Term[] a, Term[] b)
    {
        for (int i = 0; i < a.Length; i++)
        {
            if (!Equal(a[i], b[i]))
            {
                return false;
            }
        }

        return true;
    }

    public static bool Equal(Term a, Term b)
    {
        if (ReferenceEquals(a, b))
        {
            return true;
        }

        switch (a)
        {
            case NotTerm na when b is NotTerm nb:
                return Equal(na.Operand, nb.Operand);
            case JunctionTerm ja when b is JunctionTerm jb && ja.IsAnd == jb.IsAnd && ja.Operands.Length == jb.Operands.Length:
                return Equal(ja.Operands, jb.Operands);
            default:
                return false;
        }
    }

    public static int Hash(Term[] terms)
    {
        var hash = default(HashCode);
        foreach (var t in terms)
        {
            hash.Add(Hash(t));
        }

        return hash.ToHashCode();
    }

    private static int Hash(Term term) => term switch
    {
        NotTerm n => HashCode.Combine(1, Hash(n.Operand)),
        JunctionTerm j => HashCode.Combine(j.IsAnd, Hash(j.Operands)),
        _ => RuntimeHelpers.GetHashCode(term),
    };
}
