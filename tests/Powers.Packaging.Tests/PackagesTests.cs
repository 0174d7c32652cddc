using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Reflection;
using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace Powers.Packaging.Tests;

/// <summary>
/// Packs the packages, restores them from a local folder feed into a fresh console project made of the
/// embedding snippet of docs/embedding.md (the README's), builds and runs it; installs the tool from the feed.
/// </summary>
public sealed partial class PackagesTests(ITestOutputHelper output) : IDisposable
{
    private static readonly TimeSpan StepTimeout = TimeSpan.FromMinutes(4);

    private readonly string _work = Path.Combine(Path.GetTempPath(), "powers-pack-" + Guid.NewGuid().ToString("N"));

    private static string RepositoryRoot { get; } = Path.GetFullPath(
        typeof(PackagesTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryRoot").Value!);

    [RequiresDotnetFact]
    public void Pack_Packages_RestoreFromLocalFeedIntoFreshConsoleAppThatAnswersAQuery()
    {
        var clock = Stopwatch.StartNew();
        string version = "0.1.0-pack." + DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
        string feed = Directory.CreateDirectory(Path.Combine(_work, "feed")).FullName;
        var packages = new List<(string Id, string Project, string Assembly)>
        {
            ("Powers", "src/Powers/Powers.csproj", "Powers"),
            ("Powers.Hosting", "src/Powers.Hosting/Powers.Hosting.csproj", "Powers.Hosting"),
            ("Powers.Hosting.PostgreSql", "src/Powers.Hosting.PostgreSql/Powers.Hosting.PostgreSql.csproj", "Powers.Hosting.PostgreSql"),
            ("Powers.Tool", "src/Powers.Cli/Powers.Cli.csproj", "Powers.Cli"),
        };
        if (File.Exists(Path.Combine(RepositoryRoot, "src/Powers.RulesEngine/Powers.RulesEngine.csproj")))
        {
            packages.Add(("Powers.RulesEngine", "src/Powers.RulesEngine/Powers.RulesEngine.csproj", "Powers.RulesEngine"));
        }

        // One solution file, so one MSBuild run packs everything.
        string solution = Path.Combine(_work, "pack.slnx");
        File.WriteAllText(solution, "<Solution>\n" + string.Concat(packages.Select(p => $"  <Project Path=\"{Path.Combine(RepositoryRoot, p.Project)}\" />\n")) + "</Solution>\n");
        Step(_work, "pack", solution, "-c", "Release", "-o", feed, "--artifacts-path", Path.Combine(_work, "artifacts"),
            "-p:VersionSuffix=" + version["0.1.0-".Length..], "-p:ContinuousIntegrationBuild=true", "-nodeReuse:false", "-v", "q");
        var packed = clock.Elapsed;

        foreach (var (id, project, assembly) in packages)
        {
            CheckPackage(Path.Combine(feed, $"{id}.{version}.nupkg"), id, assembly, File.Exists(Path.Combine(RepositoryRoot, Path.GetDirectoryName(project)!, "PACKAGE.md")));
        }

        string app = Directory.CreateDirectory(Path.Combine(_work, "ControlRoom")).FullName;
        WriteConsoleApp(app, feed, version);
        string run = Step(app, "run", "-c", "Release", "-nodeReuse:false");
        Assert.Matches(@"entry-to-save-life\s+Permitted", run);
        Assert.Matches(@"require-name-and-address\s+Undetermined", run);
        var ran = clock.Elapsed;

        // The control-room sample, built against the packages as an outside application would.
        string sample = Directory.CreateDirectory(Path.Combine(_work, "sample")).FullName;
        string sampleSource = Path.Combine(RepositoryRoot, "samples/Powers.ControlRoom");
        foreach (string file in Directory.GetFiles(sampleSource, "*.cs").Append(Path.Combine(sampleSource, "Powers.ControlRoom.csproj")).Append(Path.Combine(sampleSource, "appsettings.json")))
        {
            File.Copy(file, Path.Combine(sample, Path.GetFileName(file)));
        }

        File.Copy(Path.Combine(app, "nuget.config"), Path.Combine(sample, "nuget.config"));
        Step(sample, "build", "-c", "Release", "-p:PowersPackageVersion=" + version, "-p:UseSharedCompilation=false", "-nodeReuse:false", "-v", "q");

        string tools = Path.Combine(_work, "tools");
        Step(app, "tool", "install", "Powers.Tool", "--version", version, "--tool-path", tools, "--configfile", Path.Combine(app, "nuget.config"));
        var (exit, list) = DotnetCli.RunExecutable(Path.Combine(tools, OperatingSystem.IsWindows() ? "powers.exe" : "powers"), app, TimeSpan.FromMinutes(1), "list");
        Assert.True(exit == 0, list);
        Assert.Contains("pra2002-sch4", list, StringComparison.Ordinal);

        output.WriteLine(run);
        output.WriteLine($"packed {packages.Count} packages in {packed.TotalSeconds:F0} s; console app restored, built and ran by {ran.TotalSeconds:F0} s; sample built and tool installed and ran by {clock.Elapsed.TotalSeconds:F0} s");
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

    /// <summary>The first C# block between the README markers of docs/embedding.md.</summary>
    private static string EmbeddingSnippet()
    {
        string doc = File.ReadAllText(Path.Combine(RepositoryRoot, "docs/embedding.md"));
        var match = SnippetPattern().Match(doc);
        Assert.True(match.Success, "docs/embedding.md has no ```csharp block between the README markers");
        return match.Groups["code"].Value;
    }

    [GeneratedRegex(@"<!-- README:embedding:begin -->.*?```csharp\n(?<code>.*?)```.*?<!-- README:embedding:end -->", RegexOptions.Singleline)]
    private static partial Regex SnippetPattern();

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

    private static void WriteConsoleApp(string app, string feed, string version)
    {
        string userPackages = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        File.WriteAllText(Path.Combine(app, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <config>
                <add key="globalPackagesFolder" value="{Path.Combine(app, "packages")}" />
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
        File.WriteAllText(Path.Combine(app, "ControlRoom.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
                <UseSharedCompilation>false</UseSharedCompilation>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Powers.Hosting" Version="{version}" />
                <PackageReference Include="Microsoft.Extensions.Hosting" Version="10.0.0" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(app, "Program.cs"), EmbeddingSnippet());
    }

    private string Step(string directory, params string[] arguments)
    {
        var started = Stopwatch.StartNew();
        var (exit, text) = DotnetCli.Run(directory, StepTimeout, arguments);
        output.WriteLine($"dotnet {arguments[0]}: exit {exit} in {started.Elapsed.TotalSeconds:F0} s");
        Assert.True(exit == 0, $"dotnet {string.Join(' ', arguments)} failed ({exit}):\n{text}");
        return text;
    }
}
