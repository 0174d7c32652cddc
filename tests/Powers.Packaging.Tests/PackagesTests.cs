using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Reflection;
using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace Powers.Packaging.Tests;

/// <summary>
/// Packs every package in one MSBuild run, checks each one's metadata (repository commit, licence, readme, symbols,
/// XML docs) and builds the control-room sample against them as an outside application would. The README's
/// walkthrough (a console app on the packages, and the tool) is <see cref="ReadmeWalkthroughTests"/>.
/// </summary>
public sealed class PackagesTests(ITestOutputHelper output) : IDisposable
{
    private static readonly TimeSpan PackTimeout = PackagingTimeouts.Pack;
    private static readonly TimeSpan StepTimeout = PackagingTimeouts.Step;

    private readonly string _work = Path.Combine(Path.GetTempPath(), "powers-pack-" + Guid.NewGuid().ToString("N"));

    private static string RepositoryRoot { get; } = Path.GetFullPath(
        typeof(PackagesTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryRoot").Value!);

    [RequiresDotnetFact]
    public void Pack_Packages_CarryTheirMetadataAndTheSampleBuildsAgainstThem()
    {
        var clock = Stopwatch.StartNew();
        string feed = Directory.CreateDirectory(Path.Combine(_work, "feed")).FullName;
        var packages = new List<(string Id, string Project, string Assembly)>
        {
            ("Powers", "src/Powers/Powers.csproj", "Powers"),
            ("Powers.Hosting", "src/Powers.Hosting/Powers.Hosting.csproj", "Powers.Hosting"),
            ("Powers.Hosting.PostgreSql", "src/Powers.Hosting.PostgreSql/Powers.Hosting.PostgreSql.csproj", "Powers.Hosting.PostgreSql"),
            ("Powers.Tool", "src/Powers.Cli/Powers.Cli.csproj", "Powers.Cli"),
            ("Powers.RulesEngine", "src/Powers.RulesEngine/Powers.RulesEngine.csproj", "Powers.RulesEngine"),
        };

        // One solution file, so one MSBuild run packs everything. A prerelease suffix of its own keeps these builds
        // apart from a real 0.1.N.
        string solution = Path.Combine(_work, "pack.slnx");
        File.WriteAllText(solution, "<Solution>\n" + string.Concat(packages.Select(p => $"  <Project Path=\"{Path.Combine(RepositoryRoot, p.Project)}\" />\n")) + "</Solution>\n");
        string suffix = "pack." + DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
        Step(_work, PackTimeout, "pack", solution, "-c", "Release", "-o", feed, "--artifacts-path", Path.Combine(_work, "artifacts"),
            "-p:VersionSuffix=" + suffix, "-p:ContinuousIntegrationBuild=true", "-nodeReuse:false", "-v", "q");
        var packed = clock.Elapsed;

        // 0.1.N-suffix, N the commits on HEAD (src/Directory.Build.props); read from the core package's file name.
        var versionPattern = new Regex(@"^Powers\.(?<version>0\.1\.[0-9]+-" + Regex.Escape(suffix) + @")\.nupkg$");
        string version = Assert.Single(Directory.GetFiles(feed).Select(f => versionPattern.Match(Path.GetFileName(f))), m => m.Success).Groups["version"].Value;
        foreach (var (id, project, assembly) in packages)
        {
            CheckPackage(Path.Combine(feed, $"{id}.{version}.nupkg"), id, assembly, File.Exists(Path.Combine(RepositoryRoot, Path.GetDirectoryName(project)!, "PACKAGE.md")));
        }

        // The control-room sample, built against the packages as an outside application would.
        string sample = Directory.CreateDirectory(Path.Combine(_work, "sample")).FullName;
        string sampleSource = Path.Combine(RepositoryRoot, "samples/Powers.ControlRoom");
        foreach (string file in Directory.GetFiles(sampleSource, "*.cs").Append(Path.Combine(sampleSource, "Powers.ControlRoom.csproj")).Append(Path.Combine(sampleSource, "appsettings.json")))
        {
            File.Copy(file, Path.Combine(sample, Path.GetFileName(file)));
        }

        WriteNuGetConfig(sample, feed);
        Step(sample, StepTimeout, "build", "-c", "Release", "-p:PowersPackageVersion=" + version, "-p:UseSharedCompilation=false", "-nodeReuse:false", "-v", "q");
        Assert.True(File.Exists(Path.Combine(sample, "bin", "Release", "net10.0", "appsettings.json")), "the sample's appsettings.json is not copied to its output");

        output.WriteLine($"packed {packages.Count} packages ({version}) in {packed.TotalSeconds:F0} s; sample built by {clock.Elapsed.TotalSeconds:F0} s");
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
    }

    private static void CheckPackage(string path, string id, string assembly, bool hasReadme)
    {
        Assert.True(File.Exists(path), "missing package " + path);
        Assert.True(File.Exists(Path.ChangeExtension(path, ".snupkg")), "missing symbol package for " + id);
        using var zip = ZipFile.OpenRead(path);
        string nuspec;
        using (var reader = new StreamReader(zip.GetEntry(id + ".nuspec")!.Open()))
        {
            nuspec = reader.ReadToEnd();
        }

        Assert.Matches("<repository type=\"git\" url=\"https://[^\"]+\"[^>]* commit=\"[0-9a-f]{40}\"", nuspec);
        Assert.Contains("<license type=\"expression\">MIT</license>", nuspec, StringComparison.Ordinal);
        if (hasReadme)
        {
            Assert.Contains("<readme>PACKAGE.md</readme>", nuspec, StringComparison.Ordinal);
            Assert.NotNull(zip.GetEntry("PACKAGE.md"));
        }

        var entries = zip.Entries.Select(e => e.FullName).ToList();
        Assert.Contains(entries, e => e.EndsWith("/" + assembly + ".dll", StringComparison.Ordinal));
        if (id != "Powers.Tool")
        {
            Assert.Contains("lib/net10.0/" + assembly + ".xml", entries);
        }
    }

    /// <summary>A nuget.config for the sample: the packed folder, nuget.org, and the user's packages as a fallback.</summary>
    private static void WriteNuGetConfig(string directory, string feed)
    {
        string userPackages = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        File.WriteAllText(Path.Combine(directory, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <config>
                <add key="globalPackagesFolder" value="{Path.Combine(directory, "packages")}" />
              </config>
              <packageSources>
                <clear />
                <add key="powers-local" value="{feed}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
              </packageSources>
              <fallbackPackageFolders>
                <add key="user" value="{userPackages}" />
              </fallbackPackageFolders>
            </configuration>
            """);
    }

    private string Step(string directory, TimeSpan timeout, params string[] arguments)
    {
        var started = Stopwatch.StartNew();
        var (exit, text) = DotnetCli.Run(directory, timeout, arguments);
        output.WriteLine($"dotnet {arguments[0]}: exit {exit} in {started.Elapsed.TotalSeconds:F0} s");
        Assert.True(exit == 0, $"dotnet {string.Join(' ', arguments)} failed ({exit}):\n{text}");
        return text;
    }
}
