using Powers.Compilation;
using Powers.Diagnostics;
using Powers.Tests.TestSupport;
using Powers.TestSupport;

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

    [Fact]
    public void Compile_VersionWithAnInvalidDate_WhatExtendsItSaysItIsUnavailableNeverDidYouMean()
    {
        // Issue 24: one invalid date dropped its version, and 2017-12-15 was sent to '2011-07-14' twice.
        var files = Repository();
        string path = "pra2002/2012-07-10.json";
        files[path] = files[path].Replace("\"from\": \"2012-07-10\"", "\"from\": \"2012-06-31\"", StringComparison.Ordinal);
        var (line, column) = TextPosition.Of(files[path], "\"2012-06-31\"");

        var result = LibraryCompiler.Compile(LibraryFiles.FromMemory(files));

        var shown = result.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        var error = Assert.Single(shown, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal(("PWR0011", "rules/" + path), (error.Id, error.Location!.Value.Path));
        string unavailable = $"Version 'pra2002-sch4@2012-07-10' is unavailable because its file has errors (rules/{path}({line},{column}))";
        Assert.All(shown.Where(d => d != error), d => Assert.Equal(("PWR0319", unavailable), (d.Id, d.Message)));
        Assert.Contains(shown, d => d.Id == "PWR0319");
        Assert.DoesNotContain(result.Diagnostics, d => d.Message.Contains("did you mean", StringComparison.Ordinal));
    }

    [Fact]
    public void Compile_VersionFileThatIsNotJson_WhatExtendsItSaysItIsUnavailable()
    {
        var files = Repository();
        string path = "pra2002/2012-07-10.json";
        files[path] = "{ ,, " + files[path];

        var result = LibraryCompiler.Compile(LibraryFiles.FromMemory(files));

        var dependents = result.Diagnostics.Where(d => d.Id == "PWR0319").ToList();
        Assert.NotEmpty(dependents);
        Assert.All(dependents, d => Assert.Equal($"Version 'pra2002-sch4@2012-07-10' is unavailable because its file has errors (rules/{path}(1,3))", d.Message));
        Assert.Equal(["PWR0004"], result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.Id));
        Assert.DoesNotContain(result.Diagnostics, d => d.Id is "PWR0307" or "PWR0312" or "PWR0310" or "PWR0308");
    }

    [Fact]
    public void Compile_ExtendsAVersionThatNoFileHolds_StillSuggestsTheNearestVersion()
    {
        var files = Repository();
        string path = files.Keys.First(f => files[f].Contains("\"extends\": \"2012-07-10\"", StringComparison.Ordinal));
        files[path] = files[path].Replace("\"extends\": \"2012-07-10\"", "\"extends\": \"2012-07-11\"", StringComparison.Ordinal);

        var result = LibraryCompiler.Compile(LibraryFiles.FromMemory(files));

        var error = Assert.Single(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal("Rule set family 'pra2002-sch4' has no version '2012-07-11'; did you mean '2012-07-10'?", error.Message);
    }

    [Fact]
    public void Compile_ExtendsAnUnknownVersionAndRemovesAGeneralClause_OneErrorNoThrow()
    {
        // The removal of a general clause from a base that is missing indexed the list at -1 and threw.
        var files = Repository();
        string path = "pra2002/2003-04-01.json";
        files[path] = files[path].Replace("\"extends\": \"2003-01-01\",", "\"extends\": \"2003-01-02\",\n  \"remove\": { \"general\": [\"uniform\"] },", StringComparison.Ordinal);

        var result = LibraryCompiler.Compile(LibraryFiles.FromMemory(files));

        var error = Assert.Single(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal("Rule set family 'pra2002-sch4' has no version '2003-01-02'; did you mean '2003-01-01'?", error.Message);
        Assert.DoesNotContain(result.Diagnostics, d => d.Id is "PWR0310" or "PWR0317");
    }

    private static Dictionary<string, string> Repository() =>
        Directory.EnumerateFiles(RepositoryRules.Directory, "*.json", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(RepositoryRules.Directory, f).Replace('\\', '/'))
            .Where(f => !f.StartsWith("schema/", StringComparison.Ordinal))
            .ToDictionary(f => f, f => File.ReadAllText(Path.Combine(RepositoryRules.Directory, f)), StringComparer.Ordinal);
}
