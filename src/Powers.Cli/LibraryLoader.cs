using Powers.Compilation;
using Powers.Diagnostics;
using Powers.Model;

namespace Powers.Cli;

/// <summary>Loads the rule library for a command: from a directory when given, else the embedded one.</summary>
internal static class LibraryLoader
{
    public static CompilationResult Compile(string? directory) =>
        directory is null ? LibraryCompiler.CompileEmbedded() : LibraryCompiler.CompileDirectory(directory);

    /// <summary>The compiled library, or null after printing its errors.</summary>
    public static RuleLibrary? Load(string? directory, CliConsole console)
    {
        var result = Compile(directory);
        if (result.Library is null)
        {
            console.Error.WriteLine(Text.ControlCharacters.Escape("powers: the rule library " + (directory is null ? "(embedded)" : "'" + directory + "'") + " does not compile:"));
            foreach (var d in result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error))
            {
                console.Error.WriteLine(MsBuildFormatter.Format(d));
            }
        }

        return result.Library;
    }
}
