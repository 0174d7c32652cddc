using FsCheck;
using FsCheck.Fluent;
using Powers.Binding;

namespace Powers.Properties.Tests.Generators;

/// <summary>Calls of the typed situation API over a schema: right and wrong names, types and values, in any order.</summary>
public static class TypedCallGenerators
{
    /// <summary>Sequences of up to 30 calls.</summary>
    public static Gen<TypedCalls> Sequences(FactSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        string[] names = [.. schema.Facts.Select(f => f.Name), "constablePresent", string.Empty];
        string[] texts = [.. schema.Facts.SelectMany(f => f.Values).Distinct(StringComparer.Ordinal), "true", "vehicles", string.Empty];
        var numbers = Gens.Frequency(
            (4, Gen.Choose(-3, 3)),
            (2, Gen.Choose(-1000, 1000)),
            (1, Gen.Elements(int.MinValue, int.MaxValue, -1, 47, 48, 335, 336)));
        var call = Gen.Elements(Enum.GetValues<TypedCallKind>())
            .SelectMany(kind => Gens.Zip(Gen.Elements(names), Gen.Choose(-2, schema.Count + 1), numbers)
                .SelectMany(t => Gens.Zip(Gen.Elements(true, false), Gen.Elements(texts), Gen.Constant(0))
                    .Select(u => new TypedCall(kind, t.Item1, t.Item2, t.Item3, u.Item1, u.Item2))));
        return Gen.Choose(0, 30).SelectMany(n => Gen.ListOf(call, n)).Select(calls => new TypedCalls([.. calls]));
    }
}
