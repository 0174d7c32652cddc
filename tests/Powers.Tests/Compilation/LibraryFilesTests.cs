using Powers.Compilation;
using Powers.Diagnostics;
using Powers.Tests.TestSupport;
using Powers.TestSupport;

namespace Powers.Tests.Compilation;

/// <summary>How a rules directory is walked: special files, symbolic links, folders (on the real file system).</summary>
public sealed class LibraryFilesTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "powers-files-" + Guid.NewGuid().ToString("N"));

    public LibraryFilesTests() => Directory.CreateDirectory(_root);

    [Fact]
    public async Task CompileDirectory_FifoNamedJson_ReportedAndNeverOpened()
    {
        string rules = CopyRules(Path.Combine(_root, "rules"));
        Processes.Run("mkfifo", Path.Combine(rules, "pra2002", "pipe.json"));

        // Opening a FIFO blocks until a writer comes; the walk must not open it.
        var compile = Task.Run(() => LibraryCompiler.CompileDirectory(rules));
        Assert.Same(compile, await Task.WhenAny(compile, Task.Delay(TimeSpan.FromSeconds(30))));

        var diagnostic = Assert.Single((await compile).Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal("PWR0016", diagnostic.Id);
        Assert.Equal(rules.Replace('\\', '/') + "/pra2002/pipe.json", diagnostic.Location!.Value.Source.Path);
        Assert.Equal("The file is a FIFO (named pipe), not a regular file; it is not read", diagnostic.Message);
    }

    [Fact]
    public void CompileDirectory_FilesLinkedAsAConfigMapMountsThem_FollowedWithinTheRoot()
    {
        // A Kubernetes ConfigMap volume: each entry is a link through ..data to a hidden, timestamped folder.
        string rules = Path.Combine(_root, "rules");
        CopyRules(Path.Combine(rules, "..2025_11_29_10_00_00.1"));
        File.CreateSymbolicLink(Path.Combine(rules, "..data"), "..2025_11_29_10_00_00.1");
        foreach (string entry in Directory.EnumerateFileSystemEntries(Path.Combine(rules, "..data")))
        {
            string name = Path.GetFileName(entry);
            File.CreateSymbolicLink(Path.Combine(rules, name), Path.Combine("..data", name));
        }

        var linked = LibraryCompiler.CompileDirectory(rules);
        var shipped = LibraryCompiler.CompileDirectory(RepositoryRules.Directory);

        Assert.DoesNotContain(linked.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal(shipped.Library!.Versions.Count, linked.Library!.Versions.Count);
        Assert.Equal(shipped.Library.Designations.Count, linked.Library.Designations.Count);
    }

    [Fact]
    public void CompileDirectory_LinkLeadingOutsideTheRoot_ReportedNotFollowed()
    {
        string rules = CopyRules(Path.Combine(_root, "rules"));
        string outside = Path.Combine(_root, "outside.json");
        File.Copy(Path.Combine(rules, "pra2002", "2012-07-10.json"), outside);
        File.CreateSymbolicLink(Path.Combine(rules, "pra2002", "extra.json"), outside);

        var result = LibraryCompiler.CompileDirectory(rules);

        var diagnostic = Assert.Single(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal("PWR0018", diagnostic.Id);
        Assert.Equal("The symbolic link leads to '" + outside + "', outside the rules directory; it is not followed", diagnostic.Message);
    }

    [Fact]
    public void CompileDirectory_FolderLinkedBackToItsParent_ReadOnce()
    {
        string rules = CopyRules(Path.Combine(_root, "rules"));
        Directory.CreateSymbolicLink(Path.Combine(rules, "pra2002", "loop"), Path.Combine(rules, "pra2002"));

        var result = LibraryCompiler.CompileDirectory(rules);

        Assert.DoesNotContain(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        var warning = Assert.Single(result.Diagnostics, d => d.Id == "PWR0019");
        Assert.Equal("The symbolic link leads back to '" + Path.Combine(rules, "pra2002") + "', a folder already read; it is not followed", warning.Message);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static string CopyRules(string target)
    {
        foreach (string file in Directory.EnumerateFiles(RepositoryRules.Directory, "*", SearchOption.AllDirectories))
        {
            string to = Path.Combine(target, Path.GetRelativePath(RepositoryRules.Directory, file));
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(file, to);
        }

        return target;
    }
}
