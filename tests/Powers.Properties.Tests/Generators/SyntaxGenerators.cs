using FsCheck;
using FsCheck.Fluent;

namespace Powers.Properties.Tests.Generators;

/// <summary>Syntactically valid expression text (not necessarily well-typed): any names, values and nesting the grammar allows.</summary>
public static class SyntaxGenerators
{
    private static readonly string[] Keywords = ["true", "false", "not", "and", "or", "in"];

    /// <summary>Expression text.</summary>
    public static Gen<string> Expressions() => Levels.Value;

    // Each level is built once from the one below: building them per use would grow exponentially with the depth.
    private static readonly Lazy<Gen<string>> Levels = new(() =>
    {
        Gen<string>? below = null;
        for (int depth = 0; depth <= 3; depth++)
        {
            below = Or(Primary(below));
        }

        return below!;
    });

    private static Gen<string> Name() =>
        Gen.Zip(Gen.Elements("abcdefghijklmnopqrstuvwxyz_".ToCharArray()), Gen.ListOf(Gen.Elements("abcdefghijklmnopqrstuvwxyzABCXYZ0189_".ToCharArray())))
            .Select(p => p.Item1 + new string(p.Item2.Take(10).ToArray()))
            .Where(n => !Keywords.Contains(n));

    private static Gen<string> Value() => Gen.ListOf(Gen.Elements("abc-_ 0189XYZ\"é.".ToCharArray())).Select(cs => "'" + new string(cs.Take(12).ToArray()) + "'");

    private static Gen<string> Literal() => Gens.Frequency(
        (2, Value()),
        (2, Gen.Choose(0, int.MaxValue).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture))),
        (1, Gen.Elements("true", "false")));

    private static Gen<string> Primary(Gen<string>? below) => below is null
        ? Gens.Frequency((3, Name()), (2, Literal()))
        : Gens.Frequency((3, Name()), (2, Literal()), (1, below.Select(x => "(" + x + ")")));

    private static Gen<string> Comparison(Gen<string> primary) => Gens.Frequency(
        (2, primary),
        (2, Gens.Zip(primary, Gen.Elements("==", "!=", "<", "<=", ">", ">="), primary).Select(p => p.Item1 + " " + p.Item2 + " " + p.Item3)),
        (1, Gen.Zip(primary, Gen.NonEmptyListOf(Literal())).Select(p => p.Item1 + " in [" + string.Join(", ", p.Item2.Take(4)) + "]")));

    private static Gen<string> Not(Gen<string> primary) => Gens.Frequency((4, Comparison(primary)), (1, Comparison(primary).Select(x => "not " + x)), (1, Comparison(primary).Select(x => "not not " + x)));

    private static Gen<string> And(Gen<string> primary) => Gens.Frequency((3, Not(primary)), (1, Gen.Zip(Not(primary), Not(primary)).Select(p => p.Item1 + " and " + p.Item2)));

    private static Gen<string> Or(Gen<string> primary) => Gens.Frequency((3, And(primary)), (1, Gen.Zip(And(primary), And(primary)).Select(p => p.Item1 + " or " + p.Item2)));
}
