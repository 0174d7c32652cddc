using FsCheck;
using FsCheck.Fluent;
using Powers.Properties.Tests.Support;
using Powers.TestSupport;

namespace Powers.Properties.Tests.Generators;

/// <summary>The arbitraries (generator and shrinker) of this suite, registered by <see cref="PowersPropertyAttribute"/>.</summary>
public static class PowersArbitraries
{
    /// <summary>Queries against the shipped library where each fact is known with probability 0.6.</summary>
    public static Arbitrary<PartialQuery> PartialQueries() =>
        Arb.From(QueryGenerators.Queries(ShippedLibrary.Instance, 60).Select(q => new PartialQuery(q)), p => QueryGenerators.Shrink(p.Case, unknowing: true).Select(q => new PartialQuery(q)));

    /// <summary>Queries against the shipped library that give every fact.</summary>
    public static Arbitrary<CompleteQuery> CompleteQueries() =>
        Arb.From(QueryGenerators.Queries(ShippedLibrary.Instance, 100).Select(q => new CompleteQuery(q)), p => QueryGenerators.Shrink(p.Case, unknowing: false).Select(q => new CompleteQuery(q)));

    /// <summary>Queries against the shipped library with ad-hoc designations from a small pool and any made day.</summary>
    public static Arbitrary<SharedAdHocQuery> SharedAdHocQueries() =>
        Arb.From(QueryGenerators.SharedAdHocQueries(ShippedLibrary.Instance, 60).Select(q => new SharedAdHocQuery(q)));

    /// <summary>Generated rule sets with eight partial queries each.</summary>
    public static Arbitrary<GeneratedCase> GeneratedCases() => Arb.From(LibraryGenerators.Cases(ShippedLibrary.Instance, 8, 60));

    /// <summary>Syntactically valid expression text.</summary>
    public static Arbitrary<ExpressionText> ExpressionTexts() => Arb.From(SyntaxGenerators.Expressions().Select(t => new ExpressionText(t)));

    /// <summary>Calls of the typed situation API on the shipped schema; shrinks by dropping calls.</summary>
    public static Arbitrary<TypedCalls> TypedCallSequences() =>
        Arb.From(TypedCallGenerators.Sequences(ShippedLibrary.Instance.Schema), s => Enumerable.Range(0, s.Calls.Count).Select(i => new TypedCalls([.. s.Calls.Take(i), .. s.Calls.Skip(i + 1)])));

    /// <summary>A generated rule set with one generated assertion.</summary>
    public static Arbitrary<AssertionCase> AssertionCases() => Arb.From(AssertionGenerators.Cases(ShippedLibrary.Instance));

    /// <summary>Two generated rule sets and queries against the first.</summary>
    public static Arbitrary<DiffCase> DiffCases() => Arb.From(
        Gen.Zip(LibraryGenerators.Libraries(ShippedLibrary.Instance), LibraryGenerators.Libraries(ShippedLibrary.Instance))
            .SelectMany(p => Gen.ArrayOf(QueryGenerators.Queries(p.Item1.Library, 60), 3).Select(q => new DiffCase(p.Item1, p.Item2, q))));

    /// <summary>The shipped files with one mutated.</summary>
    public static Arbitrary<MutatedLibrary> MutatedLibraries() => Arb.From(MutationGenerators.Libraries());
}
