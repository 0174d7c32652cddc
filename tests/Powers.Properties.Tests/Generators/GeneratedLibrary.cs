using Powers.Compilation;
using Powers.Model;

namespace Powers.Properties.Tests.Generators;

/// <summary>A random well-typed rule set version (family <c>gen</c>) compiled with the shipped schema, powers and forces.</summary>
public sealed class GeneratedLibrary
{
    /// <summary>Compiles the rule set text; throws with the diagnostics when it does not compile.</summary>
    public GeneratedLibrary(string ruleSetText, IReadOnlyDictionary<string, string> baseFiles)
    {
        ArgumentNullException.ThrowIfNull(baseFiles);
        RuleSetText = ruleSetText;
        var files = baseFiles.Where(f => f.Key is "facts.json" or "powers.json" or "forces.json").ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal);
        files["gen/2000-01-01.json"] = ruleSetText;
        var result = LibraryCompiler.Compile(LibraryFiles.FromMemory(files));
        Library = result.Library ?? throw new InvalidOperationException("A generated rule set does not compile:" + Environment.NewLine
            + string.Join(Environment.NewLine, result.Diagnostics) + Environment.NewLine + ruleSetText);
    }

    /// <summary>The rule set file.</summary>
    public string RuleSetText { get; }

    /// <summary>The compiled library.</summary>
    public RuleLibrary Library { get; }

    /// <inheritdoc />
    public override string ToString() => RuleSetText;
}
