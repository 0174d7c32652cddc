using System.Linq.Expressions;
using Powers.Binding;
using Powers.Evaluation;
using Powers.Model;
using Powers.Tests.TestSupport;

namespace Powers.Tests.Evaluation;

/// <summary>
/// The clause code the decision program compiles (<see cref="ClauseCompiler.Emit"/>, compiled here one clause at a
/// time) against the reference interpreter, exhaustively over small fact domains: every clause of every shipped
/// version and designation, with every fact it reads unknown or taking each boundary value.
/// </summary>
public class EvaluatorAgreementTests
{
    private static readonly RuleLibrary Shipped = Powers.Compilation.LibraryCompiler.CompileDirectory(RepositoryRules.Directory).ThrowIfFailed();

    [Fact]
    public void Emit_EveryShippedClause_AgreesWithInterpreter()
    {
        var clauses = Shipped.Versions.SelectMany(v => v.General.Select(g => g.Clause).Concat(v.Powers.Values.SelectMany(p => p.Clauses)))
            .Concat(Shipped.Designations.SelectMany(d => d.Restrictions.Select(r => r.Clause)))
            .Distinct().ToList();
        Assert.NotEmpty(clauses);
        int checkedSituations = 0;
        foreach (var clause in clauses)
        {
            var compiled = Compile(clause.Expression);
            var facts = Shipped.Schema.Facts.Where(f => (clause.FactMask >> f.Index & UInt128.One) != UInt128.Zero).ToList();
            foreach (var situation in Situations(facts))
            {
                var expected = ReferenceInterpreter.Instance.Evaluate(clause, situation);
                var actual = (Tri)compiled(situation.Values, (ulong)situation.KnownMask, (ulong)(situation.KnownMask >> 64));
                Assert.True(expected == actual, clause.Id + " [" + clause.ExpressionText + "]: interpreter " + expected + ", compiled " + actual);
                checkedSituations++;
            }
        }

        Assert.True(checkedSituations > clauses.Count);
    }

    private static Func<int[], ulong, ulong, int> Compile(BoundExpression expression)
    {
        var values = Expression.Parameter(typeof(int[]), "values");
        var known = new KnownWords(Expression.Parameter(typeof(ulong), "knownLow"), Expression.Parameter(typeof(ulong), "knownHigh"));
        return Expression.Lambda<Func<int[], ulong, ulong, int>>(ClauseCompiler.Emit(expression, values, known), values, known.Low, known.High).Compile();
    }

    private static IEnumerable<Situation> Situations(List<FactSymbol> facts)
    {
        var domains = facts.Select(Domain).ToList();
        long total = domains.Aggregate(1L, (n, d) => n * d.Length);
        total = Math.Min(total, 20_000);
        for (long k = 0; k < total; k++)
        {
            var s = new Situation(Shipped.Schema);
            long rest = k;
            for (int i = 0; i < facts.Count; i++)
            {
                int? value = domains[i][rest % domains[i].Length];
                rest /= domains[i].Length;
                if (value is { } v)
                {
                    s.Set(facts[i].Index, v);
                }
            }

            yield return s;
        }
    }

    private static int?[] Domain(FactSymbol fact) => fact.Kind switch
    {
        FactKind.Bool => [null, 0, 1],
        FactKind.Enum => [null, .. Enumerable.Range(0, fact.Values.Count).Select(i => (int?)i)],
        _ => [null, 0, 1, 13, 14, 27, 28, 29, 30, 31, 47, 48, 49, 335, 336, 337, 671, 672, 673, 10_000],
    };
}
