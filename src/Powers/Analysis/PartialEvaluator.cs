using Powers.Binding;
using Powers.Evaluation;

namespace Powers.Analysis;

/// <summary>
/// Substitutes fixed facts into a term and simplifies by Kleene constant folding only (false absorbs <c>and</c>,
/// true absorbs <c>or</c>, true and false drop out, double negation cancels). Nothing else is rewritten, so a term
/// keeps its value for every value, known or unknown, of the facts still free.
/// </summary>
internal static class PartialEvaluator
{
    /// <summary>
    /// The term with every fact in <paramref name="fixedMask"/> fixed as <paramref name="situation"/> has it:
    /// its value when known in the situation, otherwise unknown.
    /// </summary>
    public static Term Substitute(Term term, Situation situation, UInt128 fixedMask)
    {
        if ((term.Mask & fixedMask) == UInt128.Zero)
        {
            return term;
        }

        switch (term)
        {
            case AtomTerm atom:
                if ((atom.Mask & ~fixedMask) == UInt128.Zero)
                {
                    return ConstTerm.Of(ReferenceInterpreter.Evaluate(atom.Expression, situation));
                }

                // A comparison, 'in' or fact with an operand fixed unknown is unknown whatever the others are.
                if ((atom.Mask & fixedMask & ~situation.KnownMask) != UInt128.Zero && atom.Expression is BoundComparison or BoundIn or BoundFact)
                {
                    return ConstTerm.Unknown;
                }

                return atom;
            case NotTerm not:
                return Not(Substitute(not.Operand, situation, fixedMask));
            case JunctionTerm junction:
                var operands = new Term[junction.Operands.Length];
                for (int i = 0; i < operands.Length; i++)
                {
                    operands[i] = Substitute(junction.Operands[i], situation, fixedMask);
                }

                return Junction(junction.IsAnd, operands);
            default:
                return term;
        }
    }

    public static Term Not(Term operand) => operand switch
    {
        ConstTerm c => ConstTerm.Of(TriLogic.Not(c.Value)),
        NotTerm n => n.Operand,
        _ => new NotTerm(operand),
    };

    public static Term Junction(bool isAnd, Term[] operands)
    {
        var absorbing = isAnd ? Tri.False : Tri.True;
        var kept = new List<Term>(operands.Length);
        bool unknown = false;
        foreach (var operand in operands)
        {
            if (operand is ConstTerm c)
            {
                if (c.Value == absorbing)
                {
                    return c;
                }

                unknown |= c.Value == Tri.Unknown;
                continue;
            }

            if (operand is JunctionTerm j && j.IsAnd == isAnd)
            {
                kept.AddRange(j.Operands.Where(o => o is not ConstTerm));
                unknown |= j.Operands.Any(o => o is ConstTerm { Value: Tri.Unknown });
                continue;
            }

            kept.Add(operand);
        }

        if (kept.Count == 0)
        {
            return unknown ? ConstTerm.Unknown : ConstTerm.Of(TriLogic.Not(absorbing));
        }

        if (unknown)
        {
            kept.Add(ConstTerm.Unknown);
        }

        return kept.Count == 1 ? kept[0] : new JunctionTerm(isAnd, [.. kept]);
    }
}
