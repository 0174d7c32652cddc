namespace Powers.Workbench.Tests;

/// <summary>A copy of the repository's rule library in a temporary folder, for the page to edit and save.</summary>
public sealed class TempRules : IDisposable
{
    public TempRules()
    {
        Root = Directory.CreateTempSubdirectory("powers-workbench").FullName;
        foreach (string dir in Directory.GetDirectories(Paths.Rules, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(dir.Replace(Paths.Rules, Root, StringComparison.Ordinal));
        }

        foreach (string file in Directory.GetFiles(Paths.Rules, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, file.Replace(Paths.Rules, Root, StringComparison.Ordinal));
        }
    }

    public string Root { get; }

    public string PathOf(string relative) => Path.Combine(Root, relative);

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
