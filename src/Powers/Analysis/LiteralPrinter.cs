using System.Globalization;
using System.Text;
using Powers.Binding;

namespace Powers.Analysis;

/// <summary>
/// One fact's set of domain points as a condition in the rule expression language: a bool fact or its negation, an
/// enum's value, values or the one value it is not, an integer's ranges (each domain point stands for the integers up
/// to the next point; consecutive points join into one range).
/// </summary>
internal sealed class LiteralPrinter
{
    private readonly FactSymbol[] _facts;
    private readonly FactDomains _domains;

    public LiteralPrinter(FactSymbol[] facts, FactDomains domains)
    {
        _facts = facts;
        _domains = domains;
    }

    /// <summary>The literals of a cube, in fact order.</summary>
    public IEnumerable<Condition> Of(int[]?[] cube)
    {
        for (int k = 0; k < cube.Length; k++)
        {
            if (cube[k] is { } set)
            {
                yield return Of(k, set);
            }
        }
    }

    public Condition Of(int k, int[] set)
    {
        var fact = _facts[k];
        var domain = _domains.ValuesOf(fact);
        switch (fact.Kind)
        {
            case FactKind.Bool:
                return Condition.Literal(domain[set[0]] != 0 ? fact.Name : "not " + fact.Name, false);
            case FactKind.Enum:
                if (set.Length == 1)
                {
                    return Condition.Literal(fact.Name + " == " + ConditionPrinter.Value(fact, domain[set[0]]), false);
                }

                if (set.Length == domain.Length - 1)
                {
                    int other = Enumerable.Range(0, domain.Length).First(i => !set.Contains(i));
                    return Condition.Literal(fact.Name + " != " + ConditionPrinter.Value(fact, domain[other]), false);
                }

                return Condition.Literal(fact.Name + " in [" + string.Join(", ", set.Select(i => ConditionPrinter.Value(fact, domain[i]))) + "]", false);
            default:
                return Integer(fact, domain, set);
        }
    }

    private static Condition Integer(FactSymbol fact, int[] domain, int[] set)
    {
        var ranges = new List<(string Text, bool HasAnd)>();
        int i = 0;
        while (i < set.Length)
        {
            int j = i;
            while (j + 1 < set.Length && set[j + 1] == set[j] + 1)
            {
                j++;
            }

            int lo = domain[set[i]];
            int? next = set[j] + 1 < domain.Length ? domain[set[j] + 1] : null;
            string name = fact.Name;
            string Text(int v) => v.ToString(CultureInfo.InvariantCulture);
            ranges.Add(next is { } n
                ? n == lo + 1 ? (name + " == " + Text(lo), false)
                : set[i] == 0 ? (name + " < " + Text(n), false) : (name + " >= " + Text(lo) + " and " + name + " < " + Text(n), true)
                : (name + " >= " + Text(lo), false));
            i = j + 1;
        }

        if (ranges.Count == 1)
        {
            return Condition.Literal(ranges[0].Text, ranges[0].HasAnd);
        }

        // Single points join into one 'in'; ranges stay comparisons.
        var points = ranges.Where(r => r.Text.Contains(" == ", StringComparison.Ordinal)).Select(r => r.Text[(fact.Name.Length + 4)..]).ToList();
        var b = new StringBuilder();
        var parts = ranges.Where(r => points.Count < 2 || !r.Text.Contains(" == ", StringComparison.Ordinal)).Select(r => r.HasAnd ? "(" + r.Text + ")" : r.Text).ToList();
        if (points.Count >= 2)
        {
            parts.Insert(0, fact.Name + " in [" + string.Join(", ", points) + "]");
        }

        b.Append(string.Join(" or ", parts));
        return Condition.Literal(parts.Count > 1 ? "(" + b + ")" : b.ToString(), false);
    }
}
