namespace Powers.Cli.Tests;

/// <summary>A copy of the repository's rule library in a temporary directory, to break on purpose.</summary>
public sealed class TempLibrary : IDisposable
{
    public TempLibrary()
    {
        Root = Directory.CreateTempSubdirectory("powers-cli").FullName;
        Copy(CliRun.RulesDirectory, Root);
    }

    public string Root { get; }

    public string PathOf(string relative) => Path.Combine(Root, relative);

    public void Dispose() => Directory.Delete(Root, recursive: true);

    private static void Copy(string from, string to)
    {
        foreach (string dir in Directory.GetDirectories(from, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(dir.Replace(from, to, StringComparison.Ordinal));
        }

        foreach (string file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, file.Replace(from, to, StringComparison.Ordinal));
        }
    }
}
