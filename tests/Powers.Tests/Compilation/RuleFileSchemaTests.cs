using Newtonsoft.Json.Linq;
using Powers.Tests.TestSupport;

namespace Powers.Tests.Compilation;

/// <summary>Every rule file names a JSON Schema that exists, so an editor can complete and check it.</summary>
public class RuleFileSchemaTests
{
    public static TheoryData<string> RuleFiles()
    {
        var data = new TheoryData<string>();
        foreach (string path in Directory.EnumerateFiles(RepositoryRules.Directory, "*.json", SearchOption.AllDirectories))
        {
            string relative = Path.GetRelativePath(RepositoryRules.Directory, path).Replace('\\', '/');
            if (!relative.StartsWith("schema/", StringComparison.Ordinal))
            {
                data.Add(relative);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(RuleFiles))]
    public void RuleFile_SchemaReferenceResolves(string relative)
    {
        string path = Path.Combine(RepositoryRules.Directory, relative);
        var document = JObject.Parse(File.ReadAllText(path));
        string? schema = (string?)document["$schema"];
        Assert.False(string.IsNullOrEmpty(schema), relative + " has no $schema");
        string schemaPath = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, schema!));
        Assert.True(File.Exists(schemaPath), relative + ": $schema '" + schema + "' does not exist");
        var parsed = JObject.Parse(File.ReadAllText(schemaPath));
        Assert.Equal("https://json-schema.org/draft/2020-12/schema", (string?)parsed["$schema"]);
    }

    [Fact]
    public void Schemas_PowerIdEnums_ListEveryCatalogueIdInOrder()
    {
        // Fix with: python3 .ci/sync-schemas.py
        var ids = Catalogue("powers.json")["powers"]!.Select(p => (string)p["id"]!).ToList();
        int enums = 0;
        foreach (string path in Directory.EnumerateFiles(Path.Combine(RepositoryRules.Directory, "schema"), "*.json"))
        {
            foreach (var array in JObject.Parse(File.ReadAllText(path)).Descendants().OfType<JProperty>().Where(p => p.Name == "enum").Select(p => p.Value).OfType<JArray>())
            {
                if (array.Any(v => (string?)v == "require-name-and-address"))
                {
                    enums++;
                    Assert.True(ids.SequenceEqual(array.Select(v => (string)v!)), Path.GetFileName(path) + ": a power-id enum differs from powers.json; run python3 .ci/sync-schemas.py");
                }
            }
        }

        Assert.True(enums >= 10, "expected the power-id enums of the ruleset, designation and cases schemas, found " + enums);
    }

    [Fact]
    public void CasesSchema_Facts_ListEveryFactOfFactsJsonInOrder()
    {
        // Fix with: python3 .ci/sync-schemas.py
        var facts = ((JObject)Catalogue("facts.json")["facts"]!).Properties().Select(p => p.Name).ToList();
        var schema = JObject.Parse(File.ReadAllText(Path.Combine(RepositoryRules.Directory, "schema", "cases.schema.json")));
        var properties = (JObject)schema.SelectToken("properties.cases.items.properties.query.properties.facts.properties")!;
        Assert.Equal(facts, properties.Properties().Select(p => p.Name));
        var missing = (JArray)schema.SelectToken("properties.cases.items.properties.missing.additionalProperties.items.anyOf[0].enum")!;
        Assert.Equal(facts, missing.Select(v => (string)v!));
    }

    private static JObject Catalogue(string name) => JObject.Parse(File.ReadAllText(Path.Combine(RepositoryRules.Directory, name)));
}
