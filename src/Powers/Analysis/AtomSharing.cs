using System.Text;
using Powers.Binding;

namespace Powers.Analysis;

/// <summary>
/// Makes the atoms of one plan's terms the same objects as the atoms of another's that print the same, so terms
/// from two versions (or two compilations of a library) compare by shape. Atoms that print alike mean the same on
/// the one fact schema both plans are decided on. Recursion follows the term, whose depth the parser bounded.
/// </summary>
internal static class AtomSharing
{
    public static Term[] Share(Term[] from, Term[] into)
    {
        var atoms = new Dictionary<string, AtomTerm>(StringComparer.Ordinal);
        foreach (var term in from)
        {
            Collect(term, atoms);
        }

        return atoms.Count == 0 ? into : into.Select(t => Replace(t, atoms)).ToArray();
    }

    private static void Collect(Term term, Dictionary<string, AtomTerm> atoms)
    {
        switch (term)
        {
            case AtomTerm a when Faithful(a.Expression):
                atoms.TryAdd(Text(a), a);
                break;
            case NotTerm n:
                Collect(n.Operand, atoms);
                break;
            case JunctionTerm j:
                foreach (var o in j.Operands)
                {
                    Collect(o, atoms);
                }

                break;
        }
    }

    private static Term Replace(Term term, Dictionary<string, AtomTerm> atoms) => term switch
    {
        AtomTerm a when Faithful(a.Expression) => atoms.GetValueOrDefault(Text(a)) ?? a,
        NotTerm n => new NotTerm(Replace(n.Operand, atoms)),
        JunctionTerm j => new JunctionTerm(j.IsAnd, j.Operands.Select(o => Replace(o, atoms)).ToArray()),
        _ => term,
    };

    /// <summary>Whether the printer writes every part of the atom (it writes 'false' for an operand it cannot print).</summary>
    private static bool Faithful(BoundExpression expression) => expression switch
    {
        BoundFact => true,
        BoundComparison c => c.Left is BoundFact or BoundConstant && c.Right is BoundFact or BoundConstant,
        BoundIn i => i.Operand is BoundFact,
        _ => false,
    };

    private static string Text(AtomTerm atom)
    {
        var b = new StringBuilder();
        ConditionPrinter.WriteAtom(b, atom.Expression, null);
        return b.ToString();
    }
}
