using Newtonsoft.Json;
using Newtonsoft.Json.Converters;
using RulesEngine.Models;

namespace Powers.RulesEngine;

/// <summary>
/// Writes and reads workflows as RulesEngine's own JSON: PascalCase property names exactly as the model's,
/// enums as their names, nulls left out. The output deserializes into <c>Workflow[]</c> with Newtonsoft.Json
/// or System.Text.Json unchanged.
/// </summary>
public static class WorkflowJson
{
    private static readonly JsonSerializerSettings Settings = new()
    {
        NullValueHandling = NullValueHandling.Ignore,
        Formatting = Formatting.Indented,
        ContractResolver = new WorkflowContractResolver(),
        Converters = { new StringEnumConverter() },
    };

    /// <summary>The JSON array of the workflows.</summary>
    public static string Serialize(IEnumerable<Workflow> workflows)
    {
        ArgumentNullException.ThrowIfNull(workflows);
        return JsonConvert.SerializeObject(workflows.ToArray(), Settings);
    }

    /// <summary>Writes the JSON array of the workflows.</summary>
    public static void Write(TextWriter writer, IEnumerable<Workflow> workflows)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(Serialize(workflows));
        writer.WriteLine();
    }

    /// <summary>Reads a JSON array of workflows.</summary>
    public static Workflow[] Deserialize(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return JsonConvert.DeserializeObject<Workflow[]>(json, Settings) ?? [];
    }
}
