using Powers.Compilation;
using Powers.Diagnostics;
using Powers.Tests.TestSupport;

namespace Powers.Tests.Compilation;

/// <summary>One mistake gives one diagnostic: an error must neither cascade nor hide another.</summary>
public sealed class LibraryCompilerCascadeTests
{
    [Fact]
    public void Compile_ForcesJsonWithATypo_OneErrorNotOnePerForceReference()
    {
        var files = Repository();
        int comma = files["forces.json"].IndexOf(',', StringComparison.Ordinal);
        files["forces.json"] = files["forces.json"].Remove(comma, 1);

        var result = LibraryCompiler.Compile(LibraryFiles.FromMemory(files));

        var error = Assert.Single(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal("PWR0004", error.Id);
        Assert.Equal("rules/forces.json", error.Location!.Value.Source.Path);
        Assert.Null(result.Library);
    }

    [Fact]
    public void Compile_ForcesJsonMissing_OneErrorSayingSo()
    {
        var files = Repository();
        files.Remove("forces.json");

        var result = LibraryCompiler.Compile(LibraryFiles.FromMemory(files));

        var error = Assert.Single(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal("PWR0014", error.Id);
        Assert.Equal("The rule library has no forces.json", error.Message);
    }

    [Fact]
    public void Compile_DesignationWithAnInvalidDateAndAnUnknownInclude_ReportsBoth()
    {
        var files = Repository();
        string path = "designations/met-2002-security.json";
        files[path] = files[path]
            .Replace("\"from\": \"2002-12-02\"", "\"from\": \"2002-13-02\"", StringComparison.Ordinal)
            .Replace("\"powers\": [", "\"include\": [\"met-2002-securty\"],\n  \"powers\": [", StringComparison.Ordinal);

        var result = LibraryCompiler.Compile(LibraryFiles.FromMemory(files));

        var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.Equal(["PWR0011", "PWR0304"], errors.Select(e => e.Id).Order(StringComparer.Ordinal));
        Assert.Equal("Unknown designation 'met-2002-securty'; did you mean 'met-2002-security'?", errors.Single(e => e.Id == "PWR0304").Message);
    }

    private static Dictionary<string, string> Repository() =>
        Directory.EnumerateFiles(RepositoryRules.Directory, "*.json", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(RepositoryRules.Directory, f).Replace('\\', '/'))
            .Where(f => !f.StartsWith("schema/", StringComparison.Ordinal))
            .ToDictionary(f => f, f => File.ReadAllText(Path.Combine(RepositoryRules.Directory, f)), StringComparer.Ordinal);
}
