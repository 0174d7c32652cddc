using Powers.Compilation;
using Powers.Model;

namespace Powers.Properties.Tests.Generators;

/// <summary>A generated rule set with one generated assertion (file <c>assertions/gen.json</c>) about one power.</summary>
public sealed class AssertionCase
{
    /// <summary>Compiles the rule set and the assertion; throws with the diagnostics when they do not compile.</summary>
    public AssertionCase(string ruleSetText, string assertionText, IReadOnlyDictionary<string, string> baseFiles)
    {
        ArgumentNullException.ThrowIfNull(baseFiles);
        RuleSetText = ruleSetText;
        AssertionText = assertionText;
        var files = baseFiles.Where(f => f.Key is "facts.json" or "powers.json" or "forces.json").ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal);
        files["gen/2000-01-01.json"] = ruleSetText;
        files["assertions/gen.json"] = "{ \"assertions\": [" + assertionText + "] }";
        var result = LibraryCompiler.Compile(LibraryFiles.FromMemory(files));
        Library = result.Library ?? throw new InvalidOperationException("A generated assertion case does not compile:" + Environment.NewLine
            + string.Join(Environment.NewLine, result.Diagnostics) + Environment.NewLine + ruleSetText + Environment.NewLine + assertionText);
    }

    /// <summary>The rule set file.</summary>
    public string RuleSetText { get; }

    /// <summary>The assertion (one JSON object).</summary>
    public string AssertionText { get; }

    /// <summary>The compiled library.</summary>
    public RuleLibrary Library { get; }

    /// <summary>The assertion.</summary>
    internal Assertion Assertion => Library.Assertions[0];

    /// <inheritdoc />
    public override string ToString() => RuleSetText + Environment.NewLine + AssertionText;
}
