using System.Reflection;

namespace Powers.LanguageServer.Tests;

/// <summary>
/// A copy of a rule library in a temporary folder, which a test may edit and delete from. The library is a frozen copy
/// of the shipped one (TestData/rules, taken at commit 6228829; it compiles without errors): the legal team keeps
/// changing the shipped law, and these tests pin positions and texts in it.
/// </summary>
internal sealed class TestLibrary : IDisposable
{
    public TestLibrary()
    {
        Root = Path.Combine(Path.GetTempPath(), "powers-lsp-" + Guid.NewGuid().ToString("N"));
        Copy(Path.Combine(RepositoryRoot, "tests", "Powers.LanguageServer.Tests", "TestData", "rules"), Root);
    }

    public static string RepositoryRoot { get; } = Path.GetFullPath(typeof(TestLibrary).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryRoot").Value!);

    public string Root { get; }

    public string PathOf(string relative) => System.IO.Path.Combine(Root, relative);

    public string UriOf(string relative) => new Uri(PathOf(relative)).AbsoluteUri;

    public string Read(string relative) => File.ReadAllText(PathOf(relative));

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A temporary folder left behind is harmless.
        }
    }

    private static void Copy(string from, string to)
    {
        foreach (string dir in Directory.GetDirectories(from, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(dir.Replace(from, to, StringComparison.Ordinal));
        }

        Directory.CreateDirectory(to);
        foreach (string file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, file.Replace(from, to, StringComparison.Ordinal));
        }
    }
}
