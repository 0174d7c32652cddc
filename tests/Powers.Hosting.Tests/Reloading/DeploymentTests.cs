using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Powers.Hosting.Tests.TestSupport;
using Powers.TestSupport;

namespace Powers.Hosting.Tests.Reloading;

/// <summary>
/// Ways a rules directory is really deployed: removed and copied again, a staged directory moved into place, a
/// symbolic link swapped (the documented atomic way), and edits faster than the reload delay.
/// </summary>
public sealed class DeploymentTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private readonly string _parent = Path.Combine(Path.GetTempPath(), "powers-deploy-" + Guid.NewGuid().ToString("N"));

    public DeploymentTests() => Directory.CreateDirectory(_parent);

    [Fact]
    public void Watcher_RulesDirectoryRemovedAndCopiedAgain_ServesTheNewLibrary()
    {
        string rules = CopyRules("rules", variantB: false);
        using var host = Watching(rules);
        string first = host.Powers.Current.Sha256;

        Directory.Delete(rules, recursive: true);
        CopyRules("rules", variantB: true);

        AssertServesVariantB(host, first);
        AssertStillWatching(host, rules, first);
    }

    [Fact]
    public void Watcher_StagedDirectoryMovedIntoPlace_ServesTheNewLibrary()
    {
        string rules = CopyRules("rules", variantB: false);
        string staged = CopyRules("staged", variantB: true);
        using var host = Watching(rules);
        string first = host.Powers.Current.Sha256;

        Directory.Move(rules, Path.Combine(_parent, "old"));
        Directory.Move(staged, rules);

        AssertServesVariantB(host, first);
        AssertStillWatching(host, rules, first);
    }

    [Fact]
    public void Watcher_SymbolicLinkSwapped_ServesEachVersionInTurn()
    {
        CopyRules("v1", variantB: false);
        CopyRules("v2", variantB: true);
        string rules = Path.Combine(_parent, "rules");
        File.CreateSymbolicLink(rules, "v1");
        using var host = Watching(rules);
        string first = host.Powers.Current.Sha256;

        Swap(rules, "v2");
        AssertServesVariantB(host, first);
        string second = host.Powers.Current.Sha256;
        Swap(rules, "v1");

        Assert.True(TestHost.WaitUntil(() => host.Powers.Current.Sha256 == first, Patience), "the second swap was not picked up");
        Assert.NotEqual(first, second);
    }

    [Fact]
    public void Watcher_EditsFasterThanTheReloadDelay_ReloadsWithinTheMaximumDelay()
    {
        string rules = CopyRules("rules", variantB: false);
        var clock = new FakeTimeProvider();
        using var host = Watching(rules, TimeSpan.FromMilliseconds(400), clock);
        string first = host.Powers.Current.Sha256;
        string chain = Path.Combine(rules, RulesDirectory.ChainFile);
        string b = RulesDirectory.ChainB();

        // An edit every 100 ms of the fake clock (four per quiet period, so no quiet period ever ends), each a different
        // file content with the same meaning (variant B), for up to 16 s of it: four times the 4 s maximum delay. After
        // each edit the test writes nothing for a moment of real time, so a reload that starts then reads whole files.
        bool reloadedDuringStorm = false;
        for (int i = 0; i < 160 && !reloadedDuringStorm; i++)
        {
            File.WriteAllText(chain, b + new string(' ', i % 7));
            clock.Advance(TimeSpan.FromMilliseconds(100));
            reloadedDuringStorm = TestHost.WaitUntil(() => host.Powers.Current.Sha256 != first, TimeSpan.FromMilliseconds(200));
        }

        Assert.True(reloadedDuringStorm, "no reload while edits kept coming faster than the reload delay");
    }

    [Fact]
    public async Task Reload_FifoNamedJsonAppears_ReportedAsAFailedReloadNeverAHang()
    {
        string rules = CopyRules("rules", variantB: false);
        using var host = Watching(rules);
        string first = host.Powers.Current.Sha256;
        Processes.Run("mkfifo", Path.Combine(rules, "pra2002", "pipe.json"));

        var reload = host.Powers.ReloadAsync();
        Assert.Same(reload, await Task.WhenAny(reload, Task.Delay(Patience)));

        Assert.False(await reload);
        Assert.Equal(first, host.Powers.Current.Sha256);
        Assert.Contains("error PWR0016: The file is a FIFO (named pipe), not a regular file; it is not read", host.Powers.LastReloadFailure!.Message, StringComparison.Ordinal);
        var disposing = Task.Run(host.Dispose);
        Assert.Same(disposing, await Task.WhenAny(disposing, Task.Delay(Patience)));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_parent, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }

    private static TestHost Watching(string rules, TimeSpan? delay = null, TimeProvider? clock = null)
    {
        var host = new TestHost(
            o =>
            {
                o.RulesDirectory = rules;
                o.ReloadDelay = delay ?? TimeSpan.FromMilliseconds(50);
            },
            s =>
            {
                if (clock is not null)
                {
                    s.AddSingleton(clock);
                }
            });
        _ = host.Powers.Current;
        Assert.True(host.Service.IsWatching);
        return host;
    }

    private static void AssertServesVariantB(TestHost host, string first)
    {
        Assert.True(TestHost.WaitUntil(() => host.Powers.Current.Sha256 != first && host.Powers.LastReloadFailure is null, Patience), "the new library was not picked up");

        // Variant B inverts the uniform clause of the chain, so the in-uniform powers are no longer permitted.
        Assert.Contains("\"entry-to-save-life\":\"denied\"", host.Powers.Decide(RulesDirectory.Query).ToOutcomesJson(), StringComparison.Ordinal);
    }

    /// <summary>After a replacement, an edit in the new directory is still picked up.</summary>
    private static void AssertStillWatching(TestHost host, string rules, string variantA)
    {
        File.WriteAllText(Path.Combine(rules, RulesDirectory.ChainFile), RulesDirectory.Original(RulesDirectory.ChainFile));
        Assert.True(TestHost.WaitUntil(() => host.Powers.Current.Sha256 == variantA, Patience), "an edit after the replacement was not picked up");
    }

    /// <summary>The atomic swap, as docs/embedding.md gives it: a new link beside the old one, renamed over it (mv -T).</summary>
    private static void Swap(string link, string target)
    {
        string temporary = link + ".tmp";
        File.CreateSymbolicLink(temporary, target);
        Processes.Run("mv", "-T", temporary, link);
    }

    private string CopyRules(string name, bool variantB)
    {
        string target = Path.Combine(_parent, name);
        foreach (string file in Directory.EnumerateFiles(RulesDirectory.Repository, "*", SearchOption.AllDirectories))
        {
            string to = Path.Combine(target, Path.GetRelativePath(RulesDirectory.Repository, file));
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(file, to);
        }

        if (variantB)
        {
            File.WriteAllText(Path.Combine(target, RulesDirectory.ChainFile), RulesDirectory.ChainB());
        }

        return target;
    }
}
