using Powers.Binding;
using Powers.Evaluation;
using Powers.Model;

namespace Powers.TestSupport;

/// <summary>
/// Seeded random situations: each fact known with a given probability; booleans and enum values uniform; integers
/// three times in four from <see cref="LibraryConstants.IntCandidates(RuleLibrary)"/> (so every threshold a clause
/// compares with is hit on both sides), otherwise anywhere in the thousand above the fact's minimum.
/// </summary>
public sealed class RandomSituations
{
    private readonly FactSchema _schema;
    private readonly Random _random;
    private readonly int[][] _intCandidates;

    /// <summary>Creates a generator for the library's facts with a fixed seed.</summary>
    public RandomSituations(RuleLibrary library, int seed)
    {
        ArgumentNullException.ThrowIfNull(library);
        _schema = library.Schema;
        _random = new Random(seed);
        _intCandidates = LibraryConstants.IntCandidates(library);
    }

    /// <summary>Fills a situation anew; each fact is known with probability <paramref name="knownProbability"/>.</summary>
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

            int[] candidates = _intCandidates[fact.Index];
            int value = fact.Kind switch
            {
                FactKind.Bool => _random.Next(2),
                FactKind.Enum => _random.Next(fact.Values.Count),
                _ => _random.Next(4) == 0 ? fact.Min + _random.Next(1000) : candidates[_random.Next(candidates.Length)],
            };
            situation.Set(fact.Index, value);
        }
    }

    /// <summary>A new random situation; each fact is known with probability <paramref name="knownProbability"/>.</summary>
    public Situation Next(double knownProbability)
    {
        var situation = new Situation(_schema);
        Fill(situation, knownProbability);
        return situation;
    }

    /// <summary>A new random situation with every fact known.</summary>
    public Situation Complete() => Next(1.0);
}
