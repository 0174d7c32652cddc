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
}
