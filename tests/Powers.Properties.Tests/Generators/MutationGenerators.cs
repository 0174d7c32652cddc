using FsCheck;
using FsCheck.Fluent;
using Powers.Properties.Tests.Support;
using Powers.TestSupport;

namespace Powers.Properties.Tests.Generators;

/// <summary>Mutations of the shipped rule files: deletions, insertions of JSON and expression fragments, duplications, truncation.</summary>
public static class MutationGenerators
{
    private static readonly string[] Fragments =
    [
        "{", "}", "[", "]", ",", ":", "\"", "'", "\\", "\\u12", "null", "true", "1e999", "-1", "99999999999999999999",
        "\"when\": \"inUniform and\"", "\"when\": \"nope == 3\"", "\"id\": \"x\"", "\"extends\": \"2002-12-02\"", "\"include\": [\"met-pcso-base\"]",
        "inUniform", " and ", " or not ", " in [", "'s47a'", "((((((", "))))", "==", "<=", "\u0000", "\t", "\r\n", "é", "\ud83d\ude00", "\ud800",
    ];

    /// <summary>One shipped file with one to four mutations.</summary>
    public static Gen<MutatedLibrary> Libraries()
    {
        string[] paths = ShippedLibrary.Files.Keys.Order(StringComparer.Ordinal).ToArray();
        return Gen.Elements(paths).SelectMany(path => Gen.Choose(1, 4).SelectMany(n => Mutate(ShippedLibrary.Files[path], n))
            .Select(m => new MutatedLibrary(path, m.Text, m.Log)));
    }

    private static Gen<(string Text, List<string> Log)> Mutate(string text, int count)
    {
        var gen = Gen.Constant((text, new List<string>()));
        for (int i = 0; i < count; i++)
        {
            gen = gen.SelectMany(state => Once(state.Item1).Select(m => (m.Text, new List<string>(state.Item2) { m.What })));
        }

        return gen;
    }

    private static Gen<(string Text, string What)> Once(string text)
    {
        int length = Math.Max(1, text.Length);
        var at = Gen.Choose(0, text.Length);
        return Gens.Frequency(
            (3, Gen.Zip(at, Gen.Choose(1, 40)).Select(p => Delete(text, p.Item1, p.Item2))),
            (4, Gen.Zip(at, Gen.Elements(Fragments)).Select(p => (text.Insert(p.Item1, p.Item2), "insert " + Escape(p.Item2) + " at " + p.Item1))),
            (1, Gen.Zip(at, Gen.Choose(1, 200)).Select(p => Duplicate(text, p.Item1, p.Item2))),
            (1, Gen.Choose(0, length).Select(n => (text[..Math.Min(n, text.Length)], "truncate at " + n))));
    }

    private static (string, string) Delete(string text, int at, int count)
    {
        int n = Math.Min(count, text.Length - at);
        return (text.Remove(at, n), "delete " + n + " at " + at);
    }

    private static (string, string) Duplicate(string text, int at, int count)
    {
        int n = Math.Min(count, text.Length - at);
        return (text.Insert(at, text.Substring(at, n)), "duplicate " + n + " at " + at);
    }

    private static string Escape(string s) => string.Concat(s.Select(c => c < ' ' || c > '~' ? "\\u" + ((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture) : c.ToString()));
}
