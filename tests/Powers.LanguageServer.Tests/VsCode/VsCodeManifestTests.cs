using System.Text.Json;
using Powers.Cli;

namespace Powers.LanguageServer.Tests.VsCode;

/// <summary>The VS Code extension's manifest (editors/vscode/package.json): what activates it, what it starts, what it contributes.</summary>
public sealed class VsCodeManifestTests
{
    private static readonly string Extension = Path.Combine(TestLibrary.RepositoryRoot, "editors", "vscode");

    private static JsonElement Manifest() => JsonDocument.Parse(File.ReadAllText(Path.Combine(Extension, "package.json"))).RootElement;

    [Fact]
    public void Manifest_ActivationEvents_AreTheRuleLibraries()
    {
        var events = Manifest().GetProperty("activationEvents").EnumerateArray().Select(e => e.GetString()).ToList();

        Assert.Equal(["workspaceContains:**/rules/facts.json", "workspaceContains:facts.json"], events);
    }

    [Fact]
    public void Manifest_ServerCommand_IsPowersLspAndTheToolHasThatCommand()
    {
        var properties = Manifest().GetProperty("contributes").GetProperty("configuration").GetProperty("properties");

        Assert.Equal("powers", properties.GetProperty("powers.server.command").GetProperty("default").GetString());
        Assert.Equal(["lsp"], properties.GetProperty("powers.server.args").GetProperty("default").EnumerateArray().Select(a => a.GetString()));
        var output = new StringWriter();
        Assert.Equal(0, PowersCli.Run(["lsp", "--help"], new CliConsole(output, new StringWriter(), new StringReader(string.Empty), false)));
        Assert.Contains("Language Server Protocol", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("config.get<string>('server.command', 'powers')", File.ReadAllText(Path.Combine(Extension, "src", "extension.ts")), StringComparison.Ordinal);
    }

    [Fact]
    public void Manifest_JsonValidation_ContributesEverySchemaOfRulesSchema()
    {
        var urls = Manifest().GetProperty("contributes").GetProperty("jsonValidation").EnumerateArray()
            .Select(v => v.GetProperty("url").GetString()!)
            .ToList();
        var schemas = Directory.GetFiles(Path.Combine(TestLibrary.RepositoryRoot, "rules", "schema"), "*.schema.json")
            .Select(f => "./schemas/" + Path.GetFileName(f))
            .Order(StringComparer.Ordinal);

        Assert.Equal(schemas, urls.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Manifest_Dependencies_ArePinnedAndLocked()
    {
        var manifest = Manifest();
        var lockFile = JsonDocument.Parse(File.ReadAllText(Path.Combine(Extension, "package-lock.json"))).RootElement.GetProperty("packages");
        foreach (string group in new[] { "dependencies", "devDependencies" })
        {
            if (!manifest.TryGetProperty(group, out var dependencies))
            {
                continue;
            }

            foreach (var dependency in dependencies.EnumerateObject())
            {
                string version = dependency.Value.GetString()!;
                Assert.Matches("^[0-9]+\\.[0-9]+\\.[0-9]+$", version);
                Assert.Equal(version, lockFile.GetProperty("node_modules/" + dependency.Name).GetProperty("version").GetString());
            }
        }
    }

    [Fact]
    public void Manifest_Build_BundlesEveryDependencyIntoOneFileWithEsbuild()
    {
        var manifest = Manifest();

        // Nothing is installed at run time: vscode-languageclient is bundled into out/extension.js (scripts/build.js).
        Assert.False(manifest.TryGetProperty("dependencies", out _), "the extension must have no run-time dependencies: they are bundled");
        Assert.Equal("./out/extension.js", manifest.GetProperty("main").GetString());
        Assert.Equal("tsc -p . --noEmit && node scripts/build.js", manifest.GetProperty("scripts").GetProperty("compile").GetString());
        string build = File.ReadAllText(Path.Combine(Extension, "scripts", "build.js"));
        Assert.Contains("bundle: true", build, StringComparison.Ordinal);
        Assert.Contains("external: ['vscode']", build, StringComparison.Ordinal);
    }

    [Fact]
    public void VsCodeIgnore_ShipsOnlyWhatTheEditorLoads()
    {
        var lines = File.ReadAllLines(Path.Combine(Extension, ".vscodeignore")).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();

        Assert.Equal(
            ["**", "!package.json", "!out/extension.js", "!out/THIRD-PARTY-NOTICES.txt", "!schemas/*.schema.json", "!images/icon.png", "!README.md", "!LICENSE"],
            lines);
    }

    [Fact]
    public void Manifest_Icon_IsA128PixelPng()
    {
        string icon = Manifest().GetProperty("icon").GetString()!;
        byte[] png = File.ReadAllBytes(Path.Combine(Extension, icon));

        Assert.Equal("images/icon.png", icon);
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 13, 10, 26, 10 }, png[..8]);
        Assert.Equal(128, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4)));
        Assert.Equal(128, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20, 4)));
    }
}
