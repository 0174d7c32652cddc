using Powers.Binding;
using Powers.Evaluation;
using Powers.Model;

namespace Powers.Benchmarks;

/// <summary>
/// Random situations for benchmarks and agreement tests: each fact known with a given probability; ints drawn
/// mostly from the constants the library compares with, and one either side, so every boundary is hit.
/// </summary>
public sealed class RandomSituations
{
    private readonly FactSchema _schema;
    private readonly Random _random;
    private readonly int[][] _intCandidates;

    /// <summary>Creates a generator with a fixed seed.</summary>
    public RandomSituations(RuleLibrary library, int seed)
    {
        ArgumentNullException.ThrowIfNull(library);
        _schema = library.Schema;
        _random = new Random(seed);
        var constants = new HashSet<int>[_schema.Count];
        for (int i = 0; i < constants.Length; i++)
        {
            constants[i] = [0, 1];
        }

        foreach (var version in library.Versions)
        {
            foreach (var general in version.General)
            {
                Collect(general.Clause.Expression, constants);
            }

            foreach (var rule in version.Powers.Values)
            {
                foreach (var clause in rule.Clauses)
                {
                    Collect(clause.Expression, constants);
                }
            }
        }

        foreach (var designation in library.Designations)
        {
            foreach (var restriction in designation.Restrictions)
            {
                Collect(restriction.Clause.Expression, constants);
            }
        }

        _intCandidates = Array.ConvertAll(constants, set => set.Where(v => v >= 0).Order().ToArray());
    }

    /// <summary>Fills a situation; each fact is known with probability <paramref name="knownProbability"/>.</summary>
    public void Fill(Situation situation, double knownProbability)
    {
        ArgumentNullException.ThrowIfNull(situation);
        situation.Clear();
        foreach (var fact in _schema.Facts)
        {
            if (_random.NextDouble() >= knownProbability)
            {
                continue;
            }

            int value = fact.Kind switch
            {
                FactKind.Bool => _random.Next(2),
                FactKind.Enum => _random.Next(fact.Values.Count),
                _ => _random.Next(4) == 0 ? _random.Next(1000) : _intCandidates[fact.Index][_random.Next(_intCandidates[fact.Index].Length)],
            };
            situation.Set(fact.Index, Math.Max(value, fact.Kind == FactKind.Int ? fact.Min : 0));
        }
    }

    /// <summary>A new random situation.</summary>
    public Situation Next(double knownProbability)
    {
        var situation = new Situation(_schema);
        Fill(situation, knownProbability);
        return situation;
    }

    private static void Collect(BoundExpression e, HashSet<int>[] constants)
    {
        switch (e)
        {
            case BoundNot n:
                Collect(n.Operand, constants);
                break;
            case BoundLogical l:
                Collect(l.Left, constants);
                Collect(l.Right, constants);
                break;
            case BoundComparison { Left: BoundFact f, Right: BoundConstant c }:
                Add(constants[f.Fact.Index], c.Value);
                break;
            case BoundComparison { Left: BoundConstant c, Right: BoundFact f }:
                Add(constants[f.Fact.Index], c.Value);
                break;
        }
    }

    private static void Add(HashSet<int> set, int value)
    {
        set.Add(value - 1);
        set.Add(value);
        set.Add(value + 1);
    }
}
