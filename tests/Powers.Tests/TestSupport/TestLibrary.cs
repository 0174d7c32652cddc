using Powers.Compilation;

namespace Powers.Tests.TestSupport;

/// <summary>Compiles small in-memory libraries on top of the repository's facts, powers and forces.</summary>
public static class TestLibrary
{
    private static readonly string[] Catalogues = ["facts.json", "powers.json", "forces.json"];

    /// <summary>Compiles the repository catalogues plus the given files (relative path, text).</summary>
    public static CompilationResult Compile(params (string Path, string Text)[] files)
    {
        var all = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string name in Catalogues)
        {
            all[name] = File.ReadAllText(System.IO.Path.Combine(RepositoryRules.Directory, name));
        }

        foreach (var (path, text) in files)
        {
            all[path] = text;
        }

        return LibraryCompiler.Compile(LibraryFiles.FromMemory(all));
    }

    /// <summary>A minimal valid rule set version; <paramref name="powers"/> is the JSON of the "powers" object's body.</summary>
    public static string RuleSet(string version, string effective, string powers, string general = "", string extra = "") =>
        "{\n" +
        "  \"ruleset\": \"test\",\n" +
        "  \"version\": \"" + version + "\",\n" +
        "  \"revision\": 1,\n" +
        "  \"title\": \"Test version\",\n" +
        "  \"effective\": " + effective + ",\n" +
        (general.Length > 0 ? "  \"general\": [" + general + "],\n" : string.Empty) +
        extra +
        "  \"powers\": {" + powers + "}\n" +
        "}\n";

    /// <summary>A power with one clause.</summary>
    public static string Power(string id, string when, string clauseId = "c1") =>
        "\"" + id + "\": { \"title\": \"T\", \"cite\": \"Test Act, s. 1\", \"clauses\": [ { \"id\": \"" + clauseId + "\", \"when\": \"" + when + "\", \"cite\": \"Test Act, s. 1(1)\", \"text\": \"Must hold.\" } ] }";
}
