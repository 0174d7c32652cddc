using Newtonsoft.Json.Linq;
using Powers.Compilation;
using Powers.Diagnostics;
using Powers.Tests.TestSupport;

namespace Powers.Tests.Diagnostics;

/// <summary>
/// The SARIF log meets what GitHub code scanning requires of an upload, as its ingestion rules and the SARIF
/// Multitool's GitHub policy (GH1001-GH1007, SARIF2012) state them. The Multitool itself is not served here, so these
/// checks are written out: rules with a PascalCase name, full description, help and helpUri; every result with a
/// rule, a message and a located region; relative URIs with a declared base.
/// </summary>
public class SarifFormatterTests
{
    private static JObject Log(string sourceRoot)
    {
        string broken = TestLibrary.RuleSet("a", "{ \"from\": \"2010-01-01\" }", TestLibrary.Power("cordon", "inUnifrom"));
        var diagnostics = TestLibrary.Compile(("test/a.json", broken)).Diagnostics;
        var text = new StringWriter();
        SarifFormatter.Write(text, diagnostics, "1.0.0", sourceRoot);
        return JObject.Parse(text.ToString());
    }

    [Fact]
    public void Write_Rules_CarryWhatGitHubShows()
    {
        var driver = Log("/tmp")["runs"]![0]!["tool"]!["driver"]!;
        var rules = (JArray)driver["rules"]!;
        Assert.Equal(DiagnosticDescriptors.All.Count, rules.Count);
        foreach (var rule in rules)
        {
            Assert.Matches("^[A-Z][A-Za-z0-9]*$", (string?)rule["name"]);
            Assert.False(string.IsNullOrWhiteSpace((string?)rule["shortDescription"]!["text"]));
            Assert.False(string.IsNullOrWhiteSpace((string?)rule["fullDescription"]!["text"]));
            Assert.False(string.IsNullOrWhiteSpace((string?)rule["help"]!["text"]));
            Assert.True(Uri.TryCreate((string?)rule["helpUri"], UriKind.Absolute, out _));
        }

        var unknownFact = rules.Single(r => (string?)r["id"] == "PWR0201");
        Assert.Equal("UnknownFact", (string?)unknownFact["name"]);
        Assert.Equal("https://github.com/powers-contributors/powers/blob/main/docs/diagnostics.md#PWR0201", (string?)unknownFact["helpUri"]);
    }

    [Fact]
    public void Write_EveryResult_HasRuleMessageAndRegion()
    {
        var run = Log("/tmp")["runs"]![0]!;
        var results = (JArray)run["results"]!;
        Assert.Contains(results, r => (string?)r["ruleId"] == "PWR0201");
        Assert.Contains(results, r => (string?)r["ruleId"] == "PWR0316"); // library-wide: no file of its own
        var rules = (JArray)run["tool"]!["driver"]!["rules"]!;
        foreach (var result in results)
        {
            Assert.Equal((string?)result["ruleId"], (string?)rules[(int)result["ruleIndex"]!]!["id"]);
            Assert.False(string.IsNullOrWhiteSpace((string?)result["message"]!["text"]));
            var location = Assert.Single((JArray)result["locations"]!)["physicalLocation"]!;
            var artifact = location["artifactLocation"]!;
            Assert.False(string.IsNullOrWhiteSpace((string?)artifact["uri"]));
            if ((string?)artifact["uriBaseId"] is { } baseId)
            {
                Assert.NotNull(run["originalUriBaseIds"]![baseId]);
                Assert.False(Uri.TryCreate((string?)artifact["uri"], UriKind.Absolute, out _));
            }

            var region = location["region"]!;
            int startLine = (int)region["startLine"]!;
            Assert.True(startLine >= 1);
            if (region["endLine"] is { } endLine)
            {
                Assert.True((int)endLine >= startLine);
                Assert.True((int)region["startColumn"]! >= 1 && (int)region["endColumn"]! >= 1);
            }
        }
    }

    [Fact]
    public void Write_ShippedLibrary_ReportsOnlyInfos()
    {
        var diagnostics = LibraryCompiler.CompileDirectory(RepositoryRules.Directory).Diagnostics;
        var text = new StringWriter();
        SarifFormatter.Write(text, diagnostics, "1.0.0", RepositoryRules.Directory);
        var results = (JArray)JObject.Parse(text.ToString())["runs"]![0]!["results"]!;
        Assert.All(results, r => Assert.Equal("note", (string?)r["level"]));
    }

    [Fact]
    public void Write_AbsoluteLibraryFolder_UrisRelativeToTheRootAndNoMachinePathAnywhere()
    {
        // Issue 24: 'check /abs/rules' wrote file:///abs/... and 'check .' wrote ./...; neither is a repository path.
        string root = Path.GetDirectoryName(RepositoryRules.Directory)!;
        var diagnostics = LibraryCompiler.CompileDirectory(RepositoryRules.Directory).Diagnostics;
        var text = new StringWriter();
        SarifFormatter.Write(text, diagnostics, "1.0.0", root);

        Assert.DoesNotContain(root, text.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("file:", text.ToString(), StringComparison.Ordinal);
        var run = JObject.Parse(text.ToString())["runs"]![0]!;
        Assert.NotNull(run["originalUriBaseIds"]!["%SRCROOT%"]);
        // A library-wide diagnostic (a power no version confers) has no file of its own: it is placed at './'.
        var results = ((JArray)run["results"]!).Where(r => (string?)r["locations"]![0]!["physicalLocation"]!["artifactLocation"]!["uri"] != "./").ToList();
        Assert.NotEmpty(results);
        Assert.All(results, r =>
        {
            var artifact = r["locations"]![0]!["physicalLocation"]!["artifactLocation"]!;
            Assert.Equal("%SRCROOT%", (string?)artifact["uriBaseId"]);
            Assert.StartsWith("rules/", (string?)artifact["uri"], StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Write_Run_HasAutomationDetailsAndAnInvocationWithTheExitCode()
    {
        var run = Log("/tmp")["runs"]![0]!;

        Assert.Equal("powers/check/", (string?)run["automationDetails"]!["id"]);
        var invocation = Assert.Single((JArray)run["invocations"]!);
        Assert.True((bool)invocation["executionSuccessful"]!);
        Assert.Equal(1, (int)invocation["exitCode"]!);
    }

    [Fact]
    public void Write_Fingerprints_SurviveLinesAddedAboveAndTellTwoResultsApart()
    {
        string broken = TestLibrary.RuleSet("a", "{ \"from\": \"2010-01-01\" }", TestLibrary.Power("cordon", "inUnifrom"));
        string moved = "\n\n\n" + broken;

        var before = Fingerprints(broken);
        var after = Fingerprints(moved);

        Assert.NotEmpty(before);
        Assert.Equal(before, after);
        Assert.Equal(before.Count, before.Values.Distinct().Count());
    }

    private static Dictionary<string, string> Fingerprints(string ruleSet)
    {
        var diagnostics = TestLibrary.Compile(("test/a.json", ruleSet)).Diagnostics;
        var text = new StringWriter();
        SarifFormatter.Write(text, diagnostics, "1.0.0", "/tmp");
        var results = (JArray)JObject.Parse(text.ToString())["runs"]![0]!["results"]!;
        return results.Select((r, i) => (Key: (string?)r["ruleId"] + "#" + i, Value: (string?)r["partialFingerprints"]!["powersResult/v1"]))
            .ToDictionary(p => p.Key, p => p.Value!);
    }
}
