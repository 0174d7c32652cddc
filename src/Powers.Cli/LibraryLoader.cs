using Powers.Compilation;
using Powers.Diagnostics;
using Powers.Model;
using Powers.Text;

namespace Powers.Cli;

/// <summary>Loads the rule library for a command: from a directory when given, else the embedded one.</summary>
internal static class LibraryLoader
{
    public static CompilationResult Compile(string? directory) =>
        directory is null ? LibraryCompiler.CompileEmbedded() : LibraryCompiler.CompileDirectory(directory);

    /// <summary>Whether a directory given on the command line exists; if not, says so (exit code 2 follows).</summary>
    public static bool Exists(string? directory, CliConsole console)
    {
        if (directory is null || System.IO.Directory.Exists(directory))
        {
            return true;
        }

        console.Error.WriteLine("powers: bad input: the rules folder '" + ControlCharacters.Escape(directory) + "' does not exist" + (File.Exists(directory) ? " (it is a file)" : string.Empty));
        return false;
    }

    /// <summary>The compiled library, or null after printing its errors.</summary>
    public static RuleLibrary? Load(string? directory, CliConsole console)
    {
        if (!Exists(directory, console))
        {
            return null;
        }

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
