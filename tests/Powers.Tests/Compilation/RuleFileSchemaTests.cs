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
        var enums = Enums(array => array.Any(v => (string?)v == "require-name-and-address")).ToList();

        Assert.All(enums, e => Assert.True(ids.SequenceEqual(e.Values), e.File + ": a power-id enum differs from powers.json; run python3 .ci/sync-schemas.py"));
        Assert.True(enums.Count >= 10, "expected the power-id enums of the ruleset, designation and cases schemas, found " + enums.Count);
    }

    [Fact]
    public void Schemas_ForceEnums_ListEveryForceOfForcesJsonInOrder()
    {
        // Fix with: python3 .ci/sync-schemas.py
        var ids = Catalogue("forces.json")["forces"]!.Select(f => (string)f["id"]!).ToList();
        var enums = Enums(array => array.Any(v => (string?)v == "kent")).ToList();

        Assert.All(enums, e => Assert.True(ids.SequenceEqual(e.Values), e.File + ": a force enum differs from forces.json; run python3 .ci/sync-schemas.py"));
        Assert.True(enums.Count >= 3, "expected the force enums of the ruleset, designation and cases schemas, found " + enums.Count);
    }

    [Fact]
    public void Schemas_FactNameEnums_ListEveryFactOfFactsJsonInOrder()
    {
        // Fix with: python3 .ci/sync-schemas.py
        var facts = ((JObject)Catalogue("facts.json")["facts"]!).Properties().Select(p => p.Name).ToList();
        var enums = Enums(array => array.Any(v => (string?)v == "inUniform")).ToList();

        Assert.All(enums, e => Assert.True(facts.SequenceEqual(e.Values), e.File + ": a fact-name enum differs from facts.json; run python3 .ci/sync-schemas.py"));
        Assert.True(enums.Count >= 2, "expected the missing-facts enums of the cases schema, found " + enums.Count);
    }

    [Fact]
    public void CasesSchema_FactProperties_EveryFactOfFactsJsonInOrderWithItsTypeValuesAndText()
    {
        // Fix with: python3 .ci/sync-schemas.py
        var schema = JObject.Parse(File.ReadAllText(Path.Combine(RepositoryRules.Directory, "schema", "cases.schema.json")));
        var properties = (JObject)schema.SelectToken("properties.cases.items.properties.query.properties.facts.properties")!;
        var facts = ((JObject)Catalogue("facts.json")["facts"]!).Properties().ToList();
        Assert.Equal(facts.Select(f => f.Name), properties.Properties().Select(p => p.Name));
        foreach (var fact in facts)
        {
            var expected = FactSchema((JObject)fact.Value);
            Assert.True(JToken.DeepEquals(expected, properties[fact.Name]), "cases.schema.json: fact '" + fact.Name + "' is " + properties[fact.Name]?.ToString(Newtonsoft.Json.Formatting.None) + ", facts.json says " + expected.ToString(Newtonsoft.Json.Formatting.None) + "; run python3 .ci/sync-schemas.py");
        }
    }

    // What .ci/sync-schemas.py writes for a fact of facts.json.
    private static JObject FactSchema(JObject fact)
    {
        var schema = (string?)fact["type"] switch
        {
            "bool" => new JObject { ["type"] = "boolean" },
            "int" => new JObject { ["type"] = "integer" },
            _ => new JObject { ["enum"] = fact["values"]!.DeepClone() },
        };
        if ((string?)fact["type"] == "int" && fact["min"] is { } min)
        {
            schema["minimum"] = min.DeepClone();
        }

        schema["description"] = fact["text"]!.DeepClone();
        return schema;
    }

    private static IEnumerable<(string File, List<string> Values)> Enums(Func<JArray, bool> which)
    {
        foreach (string path in Directory.EnumerateFiles(Path.Combine(RepositoryRules.Directory, "schema"), "*.json").Order(StringComparer.Ordinal))
        {
            foreach (var array in JObject.Parse(File.ReadAllText(path)).Descendants().OfType<JProperty>().Where(p => p.Name == "enum").Select(p => p.Value).OfType<JArray>())
            {
                if (which(array))
                {
                    yield return (Path.GetFileName(path), array.Select(v => (string)v!).ToList());
                }
            }
        }
    }

    private static JObject Catalogue(string name) => JObject.Parse(File.ReadAllText(Path.Combine(RepositoryRules.Directory, name)));
}
