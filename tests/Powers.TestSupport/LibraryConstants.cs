using Powers.Binding;
using Powers.Model;

namespace Powers.TestSupport;

/// <summary>
/// The integer values worth trying for int facts: every constant the library's clauses compare with, one either side,
/// and the fact's minimum and the value above it. Integers between two of these behave alike in every clause.
/// </summary>
public static class LibraryConstants
{
    /// <summary>Candidate values per int fact (by index); other facts get an empty array.</summary>
    public static int[][] IntCandidates(RuleLibrary library) => IntCandidates(library, []);

    /// <summary>As <see cref="IntCandidates(RuleLibrary)"/>, with the constants of more expressions (an assertion's, say).</summary>
    public static int[][] IntCandidates(RuleLibrary library, IEnumerable<BoundExpression> moreExpressions)
    {
        ArgumentNullException.ThrowIfNull(library);
        ArgumentNullException.ThrowIfNull(moreExpressions);
        var constants = new SortedSet<int>();
        foreach (var clause in AllClauses(library))
        {
            Collect(clause.Expression, constants);
        }

        foreach (var expression in moreExpressions)
        {
            Collect(expression, constants);
        }

        var result = new int[library.Schema.Count][];
        foreach (var fact in library.Schema.Facts)
        {
            if (fact.Kind != FactKind.Int)
            {
                result[fact.Index] = [];
                continue;
            }

            var values = new SortedSet<int> { fact.Min, fact.Min + 1 };
            foreach (int c in constants)
            {
                foreach (int v in new[] { c - 1, c, c + 1 })
                {
                    if (v >= fact.Min)
                    {
                        values.Add(v);
                    }
                }
            }

            result[fact.Index] = [.. values];
        }

        return result;
    }

    /// <summary>Every clause of every version and designation.</summary>
    public static IEnumerable<Clause> AllClauses(RuleLibrary library)
    {
        ArgumentNullException.ThrowIfNull(library);
        foreach (var version in library.Versions)
        {
            foreach (var general in version.General)
            {
                yield return general.Clause;
            }

            foreach (var power in version.Powers.Values)
            {
                foreach (var clause in power.Clauses)
                {
                    yield return clause;
                }
            }
        }

        foreach (var designation in library.Designations)
        {
            foreach (var restriction in designation.Restrictions)
            {
                yield return restriction.Clause;
            }
        }
    }

    private static void Collect(BoundExpression expression, SortedSet<int> constants)
    {
        foreach (var node in BoundNodes.DescendantsAndSelf(expression))
        {
            switch (node)
            {
                case BoundConstant { Type.Kind: FactKind.Int } constant:
                    constants.Add(constant.Value);
                    break;
                case BoundIn { Operand.Type.Kind: FactKind.Int } @in:
                    constants.UnionWith(@in.Values);
                    break;
            }
        }
    }
}
