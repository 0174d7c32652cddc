using Powers.Compilation;
using Powers.Diagnostics;
using Powers.Model;
using Powers.Text;

namespace Powers.Cli;

/// <summary>
/// Chooses and loads the rule library for a command: the folder given; else the library of the current directory
/// (<c>./rules</c>, or the current directory itself when it holds one); else the library embedded in the package.
/// A command run inside a rule folder checks that folder, never silently the packaged library, and says which it used.
/// </summary>
internal static class LibraryLoader
{
    private static readonly string[] CatalogueFiles = ["facts.json", "powers.json", "forces.json"];

    /// <summary>The library for a folder given on the command line (null: none given).</summary>
    public static LibraryChoice Choose(string? given)
    {
        if (given is not null)
        {
            return new LibraryChoice(given, given);
        }

        string here = Environment.CurrentDirectory;
        if (HoldsLibrary(Path.Combine(here, "rules")))
        {
            return new LibraryChoice("rules", Path.Combine(here, "rules") + " (./rules of the current directory)");
        }

        if (HoldsLibrary(here))
        {
            return new LibraryChoice(".", here + " (the current directory)");
        }

        return new LibraryChoice(null, "embedded (sha256 " + LibraryHash.Of(LibraryFiles.Embedded()) + ")");
    }

    /// <summary>Whether a folder holds a rule library: one of its catalogue files is there.</summary>
    private static bool HoldsLibrary(string directory) => CatalogueFiles.Any(f => File.Exists(Path.Combine(directory, f)));

    public static CompilationResult Compile(LibraryChoice choice) =>
        choice.Directory is null ? LibraryCompiler.CompileEmbedded() : LibraryCompiler.CompileDirectory(choice.Directory);

    /// <summary>Whether a directory given on the command line exists; if not, says so (exit code 2 follows).</summary>
    public static bool Exists(LibraryChoice choice, CliConsole console)
    {
        if (choice.Directory is not { } directory || Directory.Exists(directory))
        {
            return true;
        }

        console.Error.WriteLine("powers: bad input: the rules folder '" + ControlCharacters.Escape(directory) + "' does not exist" + (File.Exists(directory) ? " (it is a file)" : string.Empty));
        return false;
    }

    /// <summary>
    /// The compiled library, or null after printing its errors (or that the folder does not exist). The library's name
    /// goes first to <paramref name="announce"/>: standard output for text, standard error for output a program reads.
    /// </summary>
    public static RuleLibrary? Load(LibraryChoice choice, CliConsole console, TextWriter announce)
    {
        ArgumentNullException.ThrowIfNull(choice);
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(announce);
        if (!Exists(choice, console))
        {
            return null;
        }

        announce.WriteLine(choice.Line);
        var result = Compile(choice);
        if (result.Library is null)
        {
            console.Error.WriteLine(ControlCharacters.Escape("powers: the rule library " + choice.Name + " does not compile:"));
            foreach (var d in result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error))
            {
                console.Error.WriteLine(MsBuildFormatter.Format(d));
            }
        }

        return result.Library;
    }
}
