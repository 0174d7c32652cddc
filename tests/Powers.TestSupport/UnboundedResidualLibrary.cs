using Powers.Compilation;
using Powers.Model;

namespace Powers.TestSupport;

/// <summary>
/// Issue 20's stall: the shipped library with two more clauses on <c>entry-to-save-life</c> (in every version), four
/// whole-number facts compared with each other in a cycle nothing satisfies, and <c>minutesDetained</c> in every
/// third minute to 132. <c>powers check</c> passes it (with warning PWR0211); before the analysis budget, what would
/// permit the undetermined power was searched for over about 10^9 situations (25 s in <c>powers query</c>, 27.7 s
/// in a hosted request).
/// </summary>
public static class UnboundedResidualLibrary
{
    /// <summary>A query that leaves <c>entry-to-save-life</c> undetermined on the two clauses only.</summary>
    public const string Query = """{"date":"2013-03-01","designation":"met-2002-security","facts":{"inUniform":true,"inPoliceArea":true,"riskToLifeOrLimb":true}}""";

    /// <summary>The clause comparing whole numbers with each other, as written.</summary>
    public const string Cycle = "cordonAgeDays < authorisationAgeHours and authorisationAgeHours < authorisationAgeDays and authorisationAgeDays < minutesDetained and minutesDetained < cordonAgeDays";

    private static readonly Lazy<IReadOnlyDictionary<string, string>> Texts = new(Build);

    /// <summary>Every file by relative path.</summary>
    public static IReadOnlyDictionary<string, string> Files => Texts.Value;

    /// <summary>Compiles it (warnings, no errors).</summary>
    public static CompilationResult Compile() => LibraryCompiler.Compile(LibraryFiles.FromMemory(Files));

    /// <summary>Writes every file under <paramref name="directory"/>.</summary>
    public static void WriteTo(string directory)
    {
        foreach (var (path, text) in Files)
        {
            string full = System.IO.Path.Combine(directory, path);
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
            File.WriteAllText(full, text);
        }
    }

    private static Dictionary<string, string> Build()
    {
        var files = new Dictionary<string, string>(ShippedLibrary.Files, StringComparer.Ordinal);
        string every3 = string.Join(", ", Enumerable.Range(0, 45).Select(i => (i * 3).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        string added =
            "\n        { \"id\": \"order\", \"when\": \"" + Cycle + "\", \"cite\": \"Test Act, s. 1\", \"text\": \"In order.\" }," +
            "\n        { \"id\": \"interval\", \"when\": \"minutesDetained in [" + every3 + "]\", \"cite\": \"Test Act, s. 2\", \"text\": \"Every third minute.\" },";
        foreach (var (path, text) in files.ToList())
        {
            // Every rule set file that gives the power its clauses, so every version has the two more.
            int power = text.IndexOf("\"entry-to-save-life\": {", StringComparison.Ordinal);
            int clauses = power < 0 ? -1 : text.IndexOf("\"clauses\": [", power, StringComparison.Ordinal);
            if (clauses >= 0)
            {
                clauses += "\"clauses\": [".Length;
                files[path] = text[..clauses] + added + text[clauses..];
            }
        }

        return files;
    }
}
