using System.Reflection;
using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;
using RulesEngine.Models;

namespace Powers.RulesEngine;

/// <summary>
/// Leaves out <c>Workflow.RuleExpressionType</c>: RulesEngine declares no string-enum converter for it, so
/// System.Text.Json could not read it back as a name, and its default (lambda expressions) is what every rule uses.
/// </summary>
internal sealed class WorkflowContractResolver : DefaultContractResolver
{
    protected override JsonProperty CreateProperty(MemberInfo member, MemberSerialization memberSerialization)
    {
        var property = base.CreateProperty(member, memberSerialization);
        if (member.DeclaringType == typeof(Workflow) && member.Name == nameof(Workflow.RuleExpressionType))
        {
            property.ShouldSerialize = static _ => false;
        }

        return property;
    }
}
