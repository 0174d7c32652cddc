using System.Diagnostics;
using System.Reflection;
using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace Powers.Packaging.Tests;

/// <summary>
/// Follows the README's "Embedding in a host" section as a newcomer would, block by block and line by line, on a
/// machine whose NuGet cache is empty: a fresh home folder (so no user-wide NuGet settings, no http cache and no
/// global tools) and an empty <c>NUGET_PACKAGES</c>. Every package comes from the folder the section packs into or
/// from the feed the app's own <c>nuget.config</c> names.
/// </summary>
public sealed partial class ReadmeWalkthroughTests(ITestOutputHelper output) : IDisposable
{
    private static readonly TimeSpan PackTimeout = PackagingTimeouts.Pack;
    private static readonly TimeSpan StepTimeout = PackagingTimeouts.Step;

    private readonly string _work = Path.Combine(Path.GetTempPath(), "powers-readme-" + Guid.NewGuid().ToString("N"));

    private static string RepositoryRoot { get; } = Path.GetFullPath(
        typeof(ReadmeWalkthroughTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryRoot").Value!);

    [RequiresDotnetFact]
    public void EmbeddingSection_FollowedWithAnEmptyNuGetCache_AppAnswersToolRunsAndSettingsAreRead()
    {
        var clock = Stopwatch.StartNew();
        // The walkthrough is the section's first six blocks; the section goes on with more (System.Text.Json, typed facts).
        var blocks = Blocks(ReadmeSection()).Take(6).ToList();
        Assert.Equal(["sh", "csharp", "sh", "json", "xml", "sh"], blocks.Select(b => b.Language));
        string home = Directory.CreateDirectory(Path.Combine(_work, "home")).FullName;
        string cache = Directory.CreateDirectory(Path.Combine(_work, "nuget-packages")).FullName;
        var environment = Environment(home, cache);

        // Pack, a new app outside the repository, its own nuget.config, the packages.
        Shell(RepositoryRoot, blocks[0].Text, environment, PackTimeout);
        string app = Path.Combine(home, "ControlRoom");
        string feed = Path.Combine(home, "powers-packages");
        Assert.Contains(feed, File.ReadAllText(Path.Combine(app, "nuget.config")), StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(home, ".nuget", "NuGet", "NuGet.Config")) && File.ReadAllText(Path.Combine(home, ".nuget", "NuGet", "NuGet.Config")).Contains(feed, StringComparison.Ordinal),
            "the walkthrough added the packed folder to the user-wide NuGet settings");
        string version = PackedVersion(feed);
        if (CommitCount() is { } commits)
        {
            Assert.Equal("0.1." + commits, version);
        }

        Assert.True(Directory.Exists(Path.Combine(cache, "powers.hosting", version)), "Powers.Hosting " + version + " was not restored from the packed folder");
        var packed = clock.Elapsed;

        // Program.cs, then dotnet run: the host says which library it loaded, the app prints each outcome. The
        // expected outcomes are the existing packing test's: entry to save life or limb is a standard power whose
        // one condition (riskToLifeOrLimb) is given; name and address needs facts the query does not give.
        File.WriteAllText(Path.Combine(app, "Program.cs"), blocks[1].Text);
        string run = Shell(app, blocks[2].Text, environment, StepTimeout);
        Assert.Matches(@"Loaded rule library embedded \(sha256 [0-9a-f]{64}\)", run);
        Assert.Contains("Rule library embedded is the copy built into the Powers package: it is not signed", run, StringComparison.Ordinal);
        Assert.Contains("Decisions are not recorded (Powers:RecordDecisions is off)", run, StringComparison.Ordinal);
        Assert.Matches(@"entry-to-save-life\s+Permitted", run);
        Assert.Matches(@"require-name-and-address\s+Undetermined", run);

        // appsettings.json serving the copy of the repository's rules that the first block made (the test copies
        // nothing itself), both copied to the output by the csproj items.
        File.WriteAllText(Path.Combine(app, "appsettings.json"), blocks[3].Text);
        Assert.True(File.Exists(Path.Combine(app, "rules", "facts.json")), "the walkthrough does not copy the rules next to the app");
        string project = Path.Combine(app, "ControlRoom.csproj");
        string csproj = File.ReadAllText(project);
        File.WriteAllText(project, csproj.Replace("</Project>", blocks[4].Text + "</Project>", StringComparison.Ordinal));
        string withSettings = Shell(app, blocks[2].Text, environment, StepTimeout);
        Assert.Contains("Loaded rule library " + Path.Combine(app, "rules") + " (sha256 ", withSettings, StringComparison.Ordinal);
        Assert.Contains("Rule library " + Path.Combine(app, "rules") + " is not verified", withSettings, StringComparison.Ordinal);
        Assert.Contains("Decisions are recorded to " + Path.Combine(app, "decisions.ndjson") + ";", withSettings, StringComparison.Ordinal);
        Assert.Matches(@"entry-to-save-life\s+Permitted", withSettings);
        Assert.True(File.Exists(Path.Combine(app, "decisions.ndjson")) && new FileInfo(Path.Combine(app, "decisions.ndjson")).Length > 0, "no decision was recorded");
        Assert.Contains(Directory.EnumerateFiles(Path.Combine(_work, "artifacts", "bin"), "appsettings.json", SearchOption.AllDirectories), f => f.Contains("ControlRoom", StringComparison.Ordinal));
        Assert.Contains(Directory.EnumerateFiles(Path.Combine(_work, "artifacts", "bin"), "facts.json", SearchOption.AllDirectories), f => f.Contains("ControlRoom", StringComparison.Ordinal));

        // Without its rules directory the app ends with one line naming the setting and the path, exit code 1, no stack.
        Directory.Move(Path.Combine(app, "rules"), Path.Combine(app, "rules-moved"));
        var (missingExit, missing) = DotnetCli.RunExecutable("bash", app, StepTimeout, environment, "-euo", "pipefail", "-c", blocks[2].Text);
        Assert.True(missingExit == 1, $"exit {missingExit}, not 1, without the rules directory:\n{missing}");
        Assert.Contains("Powers cannot start: Powers:RulesDirectory: no directory '" + Path.Combine(app, "rules") + "'.", missing, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"(?m)^\s+at ", missing);
        Assert.DoesNotContain("Unhandled exception", missing, StringComparison.Ordinal);
        Directory.Move(Path.Combine(app, "rules-moved"), Path.Combine(app, "rules"));
        var ran = clock.Elapsed;

        // The tool, installed globally from the same folder.
        string list = Shell(app, blocks[5].Text, environment, StepTimeout);
        Assert.Contains("pra2002-sch4", list, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(home, ".dotnet", "tools", OperatingSystem.IsWindows() ? "powers.exe" : "powers")));

        output.WriteLine(run);
        output.WriteLine($"packed and restored {version} by {packed.TotalSeconds:F0} s; ran twice by {ran.TotalSeconds:F0} s; tool installed and ran by {clock.Elapsed.TotalSeconds:F0} s");
    }

    [Fact]
    public void EmbeddingDoc_MarkedSection_HasTheReadmesBlocks()
    {
        string doc = File.ReadAllText(Path.Combine(RepositoryRoot, "docs/embedding.md"));
        var marked = DocSectionPattern().Match(doc);
        Assert.True(marked.Success, "docs/embedding.md has no README markers");

        var documented = Blocks(marked.Groups["section"].Value);
        Assert.Equal(documented, Blocks(ReadmeSection()).Take(documented.Count));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_work, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
        catch (UnauthorizedAccessException)
        {
            // Best effort.
        }
    }

    /// <summary>From the README's "## Embedding in a host" to the next heading of that level.</summary>
    private static string ReadmeSection()
    {
        string readme = File.ReadAllText(Path.Combine(RepositoryRoot, "README.md"));
        int start = readme.IndexOf("\n## Embedding in a host\n", StringComparison.Ordinal);
        Assert.True(start >= 0, "README.md has no '## Embedding in a host' section");
        int end = readme.IndexOf("\n## ", start + 1, StringComparison.Ordinal);
        return end < 0 ? readme[start..] : readme[start..end];
    }

    private static List<(string Language, string Text)> Blocks(string markdown) =>
        [.. FencePattern().Matches(markdown).Select(m => (m.Groups["language"].Value, m.Groups["text"].Value))];

    [GeneratedRegex(@"^```(?<language>[a-z]+)\n(?<text>.*?)^```", RegexOptions.Singleline | RegexOptions.Multiline)]
    private static partial Regex FencePattern();

    [GeneratedRegex(@"^Powers\.Hosting\.(?<version>[0-9][^/]*?)\.nupkg$")]
    private static partial Regex PackageFilePattern();

    [GeneratedRegex(@"<!-- README:embedding:begin -->(?<section>.*?)<!-- README:embedding:end -->", RegexOptions.Singleline)]
    private static partial Regex DocSectionPattern();

    /// <summary>
    /// A new home and an empty package folder; the build output of the repository's projects goes to the test's
    /// folder (the artifacts layout), so packing never touches the bin/ and obj/ that other tests run from.
    /// </summary>
    private Dictionary<string, string> Environment(string home, string cache)
    {
        string dotnet = Path.GetDirectoryName(DotnetCli.Path!)!;
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["HOME"] = home,
            ["DOTNET_CLI_HOME"] = home,
            ["NUGET_PACKAGES"] = cache,
            ["DOTNET_ROOT"] = dotnet,
            ["PATH"] = string.Join(Path.PathSeparator, Path.Combine(home, ".dotnet", "tools"), dotnet, System.Environment.GetEnvironmentVariable("PATH")),
            ["UseArtifactsOutput"] = "true",
            ["ArtifactsPath"] = Path.Combine(_work, "artifacts"),
        };
    }

    /// <summary>Runs a README block as the shell would, stopping at the first command that fails.</summary>
    private string Shell(string directory, string script, IReadOnlyDictionary<string, string> environment, TimeSpan timeout)
    {
        var started = Stopwatch.StartNew();
        var (exit, text) = DotnetCli.RunExecutable("bash", directory, timeout, environment, "-euo", "pipefail", "-c", script);
        output.WriteLine($"{script.Split('\n')[0]} ...: exit {exit} in {started.Elapsed.TotalSeconds:F0} s");
        Assert.True(exit == 0, $"the README block failed ({exit}):\n{script}\n{text}");
        return text;
    }

    private static string PackedVersion(string feed)
    {
        var versions = Directory.GetFiles(feed).Select(f => PackageFilePattern().Match(Path.GetFileName(f))).Where(m => m.Success).Select(m => m.Groups["version"].Value);
        return Assert.Single(versions);
    }

    /// <summary>The number of commits on HEAD, or null when the repository is not a git clone.</summary>
    private static string? CommitCount()
    {
        try
        {
            var (exit, text) = DotnetCli.RunExecutable("git", RepositoryRoot, TimeSpan.FromSeconds(30), "rev-list", "--count", "HEAD");
            return exit == 0 ? text.Trim() : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
