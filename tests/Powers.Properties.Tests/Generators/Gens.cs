using FsCheck;
using FsCheck.Fluent;

namespace Powers.Properties.Tests.Generators;

/// <summary>Small combinators the fluent FsCheck API lacks in this shape.</summary>
public static class Gens
{
    /// <summary>A weighted choice.</summary>
    public static Gen<T> Frequency<T>(params (int Weight, Gen<T> Gen)[] options) => Gen.Frequency(options);

    /// <summary>Three generators at once.</summary>
    public static Gen<(T1, T2, T3)> Zip<T1, T2, T3>(Gen<T1> a, Gen<T2> b, Gen<T3> c) =>
        a.SelectMany(x => b.SelectMany(y => c.Select(z => (x, y, z))));
}
