using Powers.Binding;
using Powers.Evaluation;

namespace Powers.Properties.Tests.Support;

/// <summary>
/// Completions of a partial situation over a set of unknown facts: every combination of candidate values (booleans,
/// every enum value, the integers the library's clauses compare with and their neighbours) when there are at most
/// <see cref="ExhaustiveLimit"/>, otherwise a seeded random sample of <see cref="SampleSize"/>.
/// </summary>
public static class Completions
{
    /// <summary>The most combinations enumerated exhaustively.</summary>
    public const int ExhaustiveLimit = 4096;

    /// <summary>The sample size beyond that.</summary>
    // 4096, not 512: a stop-and-search decision has eleven facts, and a random completion that meets all its clauses
    // (purpose, day count and authorisation type included) is about 1 in 250.
    public const int SampleSize = 4096;

    /// <summary>
    /// The completions of <paramref name="situation"/> over the unknown facts in <paramref name="mask"/>; beyond
    /// <see cref="ExhaustiveLimit"/>, <paramref name="sampleSize"/> random ones (default <see cref="SampleSize"/>).
    /// </summary>
    public static IEnumerable<Situation> Of(Situation situation, UInt128 mask, int[][] intCandidates, int seed, int sampleSize = SampleSize)
    {
        ArgumentNullException.ThrowIfNull(situation);
        ArgumentNullException.ThrowIfNull(intCandidates);
        var facts = situation.Schema.Facts.Where(f => (mask >> f.Index & UInt128.One) != UInt128.Zero && !situation.IsKnown(f.Index)).ToArray();
        var candidates = facts.Select(f => f.Kind switch
        {
            FactKind.Bool => new[] { 0, 1 },
            FactKind.Enum => Enumerable.Range(0, f.Values.Count).ToArray(),
            _ => intCandidates[f.Index],
        }).ToArray();
        double combinations = candidates.Aggregate(1.0, (n, c) => n * c.Length);
        var completion = situation.Clone();
        if (combinations <= ExhaustiveLimit)
        {
            var odometer = new int[facts.Length];
            while (true)
            {
                for (int k = 0; k < facts.Length; k++)
                {
                    completion.Set(facts[k].Index, candidates[k][odometer[k]]);
                }

                yield return completion;
                int i = 0;
                while (i < facts.Length && ++odometer[i] == candidates[i].Length)
                {
                    odometer[i] = 0;
                    i++;
                }

                if (i == facts.Length)
                {
                    yield break;
                }
            }
        }

        var random = new Random(seed);
        for (int n = 0; n < sampleSize; n++)
        {
            for (int k = 0; k < facts.Length; k++)
            {
                completion.Set(facts[k].Index, candidates[k][random.Next(candidates[k].Length)]);
            }

            yield return completion;
        }
    }
}
